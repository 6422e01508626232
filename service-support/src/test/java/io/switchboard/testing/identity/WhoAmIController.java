package io.switchboard.testing.identity;

import io.switchboard.support.identity.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Answers the {@link Actor} the bearer token was read as. */
@RestController
public class WhoAmIController {

    public static final String PATH = "/whoami";

    @GetMapping(PATH)
    Map<String, Object> whoAmI(Actor actor) {
        return Map.of("userId", actor.userId(), "orgId", actor.orgId(),
                "roles", actor.roles().stream().map(Enum::name).sorted().toList());
    }
}
