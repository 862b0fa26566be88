package io.leadjourney.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data. On in the {@code demo} profile only: users with passwords equal to their names are never
 * created anywhere else.
 *
 * @param users   create the demo users, their groups and reps
 * @param leads   on a database without leads, live a quarter of history and capture a handful of named leads
 * @param history how much history: leads and days, ending now ({@code leads: 0} for the named leads only)
 */
@ConfigurationProperties("leadjourney.demo")
public record DemoProperties(boolean users, boolean leads, @DefaultValue History history) {

    /**
     * @param leads how many leads arrive in the quarter
     * @param days  how long the quarter is, ending now
     * @param seed  what makes one history differ from another; the same seed makes the same history
     */
    public record History(@DefaultValue("1000") int leads, @DefaultValue("91") int days,
                          @DefaultValue("20261204") long seed) {
    }
}
