package io.switchboard.command.shared;

import io.switchboard.api.common.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link Refusal} by its stable code, the thing clients rely on. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Refusal> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal refusal) {
                return refusal.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code);
            }
        };
    }
}
