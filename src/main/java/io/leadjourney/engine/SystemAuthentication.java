package io.leadjourney.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Runs engine calls as the application rather than as the logged-in rep. A rep completing a task triggers
 * steps (evaluating routing rules, resolving an SLA incident) that the rep's own authorizations rightly do not
 * cover.
 */
@Component
public class SystemAuthentication {

    /** Who the application is when it acts on its own (timers, the job executor), as stage changes record it. */
    public static final String SYSTEM_ACTOR = "system";

    private final IdentityService identityService;

    SystemAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }

    /** Runs engine calls as the given user, with that user's authorizations, then restores who was there. */
    public <T> T asUser(Authentication user, Supplier<T> work) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user);
        try {
            return work.get();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            } else {
                identityService.clearAuthentication();
            }
        }
    }

    /** The user with their groups, as the engine authenticates them. */
    public Authentication authenticationOf(String userId) {
        return new Authentication(userId, call(() -> identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(group -> group.getId()).toList()));
    }

    /** Who the engine works for on this thread now, or null. */
    public Authentication current() {
        return identityService.getCurrentAuthentication();
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** The user on whose behalf the engine works now, or {@link LeadJourney#SYSTEM_ACTOR}. */
    public String currentActor() {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null || current.getUserId() == null ? SYSTEM_ACTOR : current.getUserId();
    }
}
