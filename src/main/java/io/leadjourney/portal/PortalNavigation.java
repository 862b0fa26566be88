package io.leadjourney.portal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page's navigation needs: whether to offer the reps page (managers and admins only). */
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
}
