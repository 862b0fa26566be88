package io.leadjourney;

import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A module test: the test class's module, the modules it uses directly and {@code support}, on the test database
 * (Flyway's tables, real transactions), with the shipped DMN tables ({@link ModelDecisions}). No process engine, no
 * Camunda webapps or REST API, no other feature: what a module needs from above it is a port the test provides.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest
@Import(ModelDecisions.Shipped.class)
@TestPropertySource(properties = "spring.autoconfigure.exclude="
        + "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration,"
        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration,"
        + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration")
public @interface ModuleTest {

    /** Which modules besides the test's own: the ones it uses directly (default), or all it reaches. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
    ApplicationModuleTest.BootstrapMode mode() default ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES;
}
