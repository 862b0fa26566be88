package io.leadjourney.portal;

import org.springframework.security.core.Authentication;

import java.util.Set;

/** Which leads a user may find: {@code security} decides it from the user's groups. */
public interface Audience {

    Scope scopeOf(Authentication user);

    /**
     * @param everyLead marketing, managers, admins and integrations find every lead
     * @param rep       a rep finds the leads assigned to them ...
     * @param bands     ... and the unassigned leads of their sales bands
     */
    record Scope(boolean everyLead, String rep, Set<String> bands) {

        public static Scope all() {
            return new Scope(true, null, Set.of());
        }

        public static Scope rep(String rep, Set<String> bands) {
            return new Scope(false, rep, Set.copyOf(bands));
        }

        public static Scope none() {
            return new Scope(false, null, Set.of());
        }
    }
}
