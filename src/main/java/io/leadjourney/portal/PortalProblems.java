package io.leadjourney.portal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * A portal address with a parameter that is not what the page takes (a day that is no date, a lead id that is no
 * number) answers a 400 page that names the parameter, not the API's problem JSON; before the API's handlers.
 */
@ControllerAdvice(assignableTypes = {PortalController.class, RepPagesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalProblems {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return new ModelAndView("portal/unavailable", Map.of("heading", "Page unavailable", "message",
                e.getName() + ": '" + e.getValue() + "' is not a valid value."), HttpStatus.BAD_REQUEST);
    }
}
