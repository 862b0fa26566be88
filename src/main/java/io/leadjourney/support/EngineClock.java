package io.leadjourney.support;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * One clock for the application and the engine: the {@link Clock} every service stamps its rows with reads the
 * engine's ({@code ClockUtil}), which is the system's unless something moves it. So a lead's rows and its journey's
 * timers, tasks and history agree when time is moved: by the scenario tests, and by the demo's quarter of history.
 * It lives here, with what every module shares, because {@code ClockUtil} needs no running engine: module tests,
 * which start none, have the same clock.
 */
@Configuration(proxyBeanMethods = false)
class EngineClock {

    @Bean
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                return ClockUtil.getCurrentTime().toInstant();
            }
        };
    }
}
