package io.leadjourney.security;

import io.leadjourney.portal.Audience;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link Audience} from the user's groups: marketing, managers, admins and integrations see every lead; a sales rep
 * sees their own and the unassigned leads of their {@code reps-} bands; anyone else sees none. Reps, managers and
 * admins read contact notes; marketing and integrations do not.
 */
@Component
class GroupAudience implements Audience {

    private static final Set<String> EVERY_LEAD = Set.of(Groups.authority(Groups.MARKETING),
            Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMINS), Groups.authority(Groups.INTEGRATION));
    /** Who reads the reps' contact notes: sales, not marketing or the marketing systems. */
    private static final Set<String> NOTE_READERS = Set.of(Groups.authority(Groups.MANAGERS),
            Groups.authority(Groups.ADMINS));
    private static final String BAND = Groups.authority("reps-");

    @Override
    public boolean managesReps(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(NOTE_READERS::contains);
    }

    @Override
    public Scope scopeOf(Authentication user) {
        Set<String> authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (authorities.stream().anyMatch(EVERY_LEAD::contains)) {
            return Scope.all(authorities.stream().anyMatch(NOTE_READERS::contains));
        }
        if (authorities.contains(Groups.authority(Groups.SALES_REPS))) {
            return Scope.rep(user.getName(), authorities.stream().filter(a -> a.startsWith(BAND))
                    .map(a -> a.substring(Groups.authority("").length())).collect(Collectors.toSet()));
        }
        return Scope.none();
    }
}
