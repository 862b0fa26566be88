package io.leadjourney;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadJourneyApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadJourneyApplication.class, args);
    }
}
