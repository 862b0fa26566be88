package io.leadjourney.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start with a default admin password. The demo and test profiles set one on purpose; everywhere
 * else it must come from {@code LEADJOURNEY_ADMIN_PASSWORD}, be at least {@value #MIN_LENGTH} characters and
 * differ from the user id. Runs before the process engine exists, so a weak admin is never created.
 */
class AdminPasswordCheck implements EnvironmentPostProcessor {

    static final String PROPERTY = "camunda.bpm.admin-user.password";
    static final String ENVIRONMENT_VARIABLE = "LEADJOURNEY_ADMIN_PASSWORD";
    static final int MIN_LENGTH = 12;
    private static final Profiles WITH_KNOWN_PASSWORDS = Profiles.of("demo", "test");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(WITH_KNOWN_PASSWORDS)) {
            return;
        }
        String password = environment.getProperty(PROPERTY, "");
        String adminId = environment.getProperty("camunda.bpm.admin-user.id", "admin");
        if (password.isBlank()) {
            throw new WeakAdminPasswordException("The admin password is not set.");
        }
        if (password.length() < MIN_LENGTH || password.equalsIgnoreCase(adminId)) {
            throw new WeakAdminPasswordException("The admin password is too weak: it has " + password.length()
                    + " characters" + (password.equalsIgnoreCase(adminId) ? " and equals the user id." : "."));
        }
    }

    /** Why start-up stopped; {@link WeakAdminPasswordFailureAnalyzer} tells the operator what to do. */
    static class WeakAdminPasswordException extends IllegalStateException {
        WeakAdminPasswordException(String message) {
            super(message);
        }
    }
}
