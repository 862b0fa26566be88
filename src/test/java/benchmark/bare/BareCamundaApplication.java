package benchmark.bare;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderValidatorAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The footprint benchmark's baseline: a bare Camunda 7 Spring Boot starter application (engine, webapps,
 * engine-rest, a data source) with one start → no-op service task → user task process. It runs on the test
 * class path, so what Lead Journey adds on top (JPA, Flyway, security, mail, its own beans) is switched off here.
 * It lives outside {@code io.leadjourney} on purpose: under it, the application's component scan would find it
 * and its exclusions would switch JPA off in every test context.
 */
@SpringBootApplication(exclude = {HibernateJpaAutoConfiguration.class, FlywayAutoConfiguration.class,
        SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, MailSenderAutoConfiguration.class,
        MailSenderValidatorAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        JpaRepositoriesAutoConfiguration.class})
public class BareCamundaApplication {

    public static final String PROCESS = "bench-bare-intake";

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }

    @Bean
    ApplicationRunner deployBareProcess(RepositoryService repositoryService) {
        return args -> repositoryService.createDeployment().name(PROCESS).enableDuplicateFiltering(true)
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                        .camundaHistoryTimeToLive(1).startEvent().serviceTask("noop").camundaExpression("${true}")
                        .userTask("wait").camundaAssignee("demo").endEvent().done())
                .deploy();
    }
}
