package io.leadjourney;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Lead Journey: one Spring Modulith module per package below this one (docs/development.md, "Modules"). Every
 * module may use {@code support}, which uses none.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "support")
public class LeadJourneyApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadJourneyApplication.class, args);
    }
}
