package io.leadjourney.nurture;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param inactivity ISO-8601 duration a nurtured lead may stay silent before it is marked dormant (default P30D)
 */
@Validated
@ConfigurationProperties("leadjourney.nurture")
public record NurtureProperties(@NotBlank @Pattern(regexp = "^P.+") String inactivity) {
}
