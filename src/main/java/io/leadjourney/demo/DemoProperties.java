package io.leadjourney.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data. On in the {@code demo} profile only: users with passwords equal to their names are never
 * created anywhere else.
 *
 * @param users create the demo users, their groups and reps
 * @param leads capture a handful of demo leads and move some of them along
 */
@ConfigurationProperties("leadjourney.demo")
public record DemoProperties(boolean users, boolean leads) {
}
