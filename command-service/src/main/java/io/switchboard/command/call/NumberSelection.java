package io.switchboard.command.call;

import io.switchboard.api.number.NumberStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * R16: the number an agent calls from. Among its eligible numbers (active, allowing the destination, capacity
 * left today) prefer local presence, then the most capacity left. When none is eligible, the line that comes
 * closest is returned so that its assignment records the precise refusal.
 */
final class NumberSelection {

    private NumberSelection() {
    }

    /** @param agentLines the agent's assigned lines, at least one */
    static CallLine choose(List<CallLine> agentLines, String destinationCountry, String day) {
        Comparator<CallLine> preference = Comparator
                .comparing((CallLine line) -> line.country().equals(destinationCountry)).reversed()
                .thenComparing(Comparator.comparingInt((CallLine line) -> line.remaining(day)).reversed())
                .thenComparing(CallLine::numberId);
        Optional<CallLine> eligible = agentLines.stream()
                .filter(line -> line.status() == NumberStatus.ACTIVE && line.allows(destinationCountry)
                        && line.remaining(day) > 0)
                .min(preference);
        if (eligible.isPresent()) {
            return eligible.get();
        }
        Comparator<CallLine> closest = Comparator
                .comparing((CallLine line) -> line.allows(destinationCountry)).reversed()
                .thenComparing(Comparator.comparing((CallLine line) -> line.status() == NumberStatus.ACTIVE).reversed())
                .thenComparing(preference);
        return agentLines.stream().min(closest).orElseThrow();
    }
}
