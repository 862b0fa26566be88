package io.leadjourney.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused admin password into the start-up report's "Description" and "Action". */
class WeakAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordCheck.WeakAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordCheck.WeakAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage() + " Outside the demo profile Lead Journey never starts with a"
                + " default admin password.",
                "Set the environment variable " + AdminPasswordCheck.ENVIRONMENT_VARIABLE + " to a password of at"
                        + " least " + AdminPasswordCheck.MIN_LENGTH + " characters (or set "
                        + AdminPasswordCheck.PROPERTY + "). To try Lead Journey locally, run the demo profile"
                        + " instead: ./mvnw spring-boot:run", cause);
    }
}
