package io.leadjourney.portal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page's navigation needs: whether to offer the reps page and the rejected leads. */
@ControllerAdvice(assignableTypes = {PortalController.class, RepPagesController.class})
class PortalNavigation {

    private final Audience audience;

    PortalNavigation(Audience audience) {
        this.audience = audience;
    }

    @ModelAttribute("managesReps")
    boolean managesReps(Authentication user) {
        return user != null && audience.managesReps(user);
    }

    /** Whether to offer the rejected leads: to whoever sees every lead (marketing, managers, admins). */
    @ModelAttribute("readsFeedback")
    boolean readsFeedback(Authentication user) {
        return user != null && audience.scopeOf(user).everyLead();
    }
}
