package io.leadjourney.portal;

import org.springframework.security.core.Authentication;

import java.util.Set;

/** Which leads a user may find: {@code security} decides it from the user's groups. */
public interface Audience {

    Scope scopeOf(Authentication user);

    /** Whether the user manages reps (absences, capacity): managers and admins. */
    boolean managesReps(Authentication user);

    /**
     * @param everyLead marketing, managers, admins and integrations find every lead
     * @param rep       a rep finds the leads assigned to them ...
     * @param bands     ... and the unassigned leads of their sales bands
     * @param notes     whether the user reads the reps' contact notes (marketing and integrations do not)
     */
    record Scope(boolean everyLead, String rep, Set<String> bands, boolean notes) {

        public static Scope all(boolean notes) {
            return new Scope(true, null, Set.of(), notes);
        }

        public static Scope rep(String rep, Set<String> bands) {
            return new Scope(false, rep, Set.copyOf(bands), true);
        }

        public static Scope none() {
            return new Scope(false, null, Set.of(), false);
        }

        /** Whether the user may see this lead. */
        public boolean sees(String assignedRep, String assignedGroup) {
            if (everyLead) {
                return true;
            }
            return rep != null && (rep.equals(assignedRep) || (assignedRep == null && bands.contains(assignedGroup)));
        }
    }
}
