package io.leadjourney.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up outside the demo profile, as {@code java -jar} runs it: the check is found through
 * {@code META-INF/spring.factories} and stops the application before any bean (and so before the engine creates
 * an admin user). The context here is empty, so a start that passes the check costs nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordCheckTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    private static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args);
    }

    @Test
    void withoutAnAdminPasswordStartUpFailsAndSaysWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.profiles.active=postgres"))
                .isInstanceOf(AdminPasswordCheck.WeakAdminPasswordException.class)
                .hasMessageContaining("not set");
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Set the environment variable LEADJOURNEY_ADMIN_PASSWORD");
    }

    @Test
    void aShortPasswordOrTheUserIdIsRefused() {
        assertThatThrownBy(() -> start("--spring.profiles.active=postgres", "--camunda.bpm.admin-user.password=admin"))
                .hasMessageContaining("too weak");
        assertThatThrownBy(() -> start("--spring.profiles.active=postgres",
                "--camunda.bpm.admin-user.id=administrator", "--camunda.bpm.admin-user.password=ADMINISTRATOR"))
                .hasMessageContaining("equals the user id");
    }

    @Test
    void aStrongPasswordStarts() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=postgres",
                "--camunda.bpm.admin-user.password=correct-horse-battery")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void theDemoAndTestProfilesKeepTheirKnownPasswords() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=demo")) {
            assertThat(context.isActive()).isTrue();
        }
    }
}
