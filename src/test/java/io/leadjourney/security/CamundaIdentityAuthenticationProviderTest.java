package io.leadjourney.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A successful API login is remembered for a short time; a wrong password never is. */
class CamundaIdentityAuthenticationProviderTest {

    private final IdentityService identity = mock(IdentityService.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));

    @BeforeEach
    void users() {
        when(identity.checkPassword("integration", "secret")).thenReturn(true);
        GroupQuery groups = mock(GroupQuery.class, RETURNS_SELF);
        Group group = mock(Group.class);
        when(group.getId()).thenReturn(Groups.INTEGRATION);
        when(groups.list()).thenReturn(List.of(group));
        when(identity.createGroupQuery()).thenReturn(groups);
    }

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("integration", password);
    }

    @Test
    void aRepeatedLoginWithinTheCacheTimeIsNotCheckedAgain() {
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ofMinutes(1), clock);
        Authentication first = provider.authenticate(login("secret"));
        clock.advance(Duration.ofSeconds(59));
        Authentication second = provider.authenticate(login("secret"));

        verify(identity, times(1)).checkPassword("integration", "secret");
        assertThat(second.getAuthorities()).map(GrantedAuthority::getAuthority)
                .containsExactly(Groups.authority(Groups.INTEGRATION));
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());

        clock.advance(Duration.ofSeconds(2));
        provider.authenticate(login("secret"));
        verify(identity, times(2)).checkPassword("integration", "secret");
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndForgetsTheRememberedLogin() {
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ofMinutes(1), clock);
        provider.authenticate(login("secret"));

        assertThatThrownBy(() -> provider.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);
        verify(identity, times(2)).checkPassword("integration", "guess");

        provider.authenticate(login("secret"));
        verify(identity, times(2)).checkPassword("integration", "secret");
    }

    @Test
    void aZeroCacheTimeChecksEveryRequest() {
        var provider = new CamundaIdentityAuthenticationProvider(identity, Duration.ZERO, clock);
        provider.authenticate(login("secret"));
        provider.authenticate(login("secret"));
        verify(identity, times(2)).checkPassword("integration", "secret");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
