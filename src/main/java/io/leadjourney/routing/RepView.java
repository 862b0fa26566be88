package io.leadjourney.routing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A rep as {@code /api/reps} answers: routing groups, capacity, how many leads they work now, their absences
 * from today on, and their deal record.
 */
public record RepView(String userId, String displayName, String email, Set<String> groups, Integer maxOpenLeads,
                      boolean active, long openLeads, long won, long lost, List<Absence> absences) {

    public record Absence(long id, LocalDate firstDay, LocalDate lastDay, String reason) {

        static Absence of(RepAbsence absence) {
            return new Absence(absence.getId(), absence.getFirstDay(), absence.getLastDay(), absence.getReason());
        }
    }
}
