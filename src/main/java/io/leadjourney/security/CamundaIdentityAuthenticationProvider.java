package io.leadjourney.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks API credentials against Camunda's identity service; the user's groups become authorities.
 * <p>
 * A marketing system posting events one by one sends the same credentials thousands of times a minute, and each
 * check costs two engine commands. A successful check is therefore remembered for a short time
 * ({@code leadjourney.security.credential-cache}, default one minute; {@code PT0S} turns it off): a changed
 * password, removed user or changed group takes effect within that time. Only a salted SHA-256 of the password is
 * held, and failures are never remembered, so Camunda's login throttling sees every wrong password.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final int MAX_CACHED = 1000;

    private final IdentityService identityService;
    private final Duration cacheFor;
    private final byte[] salt = new byte[16];
    /** Successful checks by user, for {@code cacheFor} on the application's clock; none when it is zero. */
    private final Cache<String, Verified> verified;

    private record Verified(String passwordHash, List<SimpleGrantedAuthority> authorities) {
    }

    CamundaIdentityAuthenticationProvider(IdentityService identityService,
                                          @Value("${leadjourney.security.credential-cache:PT1M}") Duration cacheFor,
                                          Clock clock) {
        this.identityService = identityService;
        this.cacheFor = cacheFor;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_CACHED)
                .expireAfterWrite(cacheFor.isNegative() ? Duration.ZERO : cacheFor)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null) {
            throw new BadCredentialsException("Bad credentials");
        }
        String password = credentials.toString();
        String hash = hash(password);
        Verified known = verified.getIfPresent(user);
        if (known != null && known.passwordHash().equals(hash)) {
            return UsernamePasswordAuthenticationToken.authenticated(user, null, known.authorities());
        }
        if (!identityService.checkPassword(user, password)) {
            verified.invalidate(user);
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(Groups::authority).map(SimpleGrantedAuthority::new).toList();
        if (!cacheFor.isZero() && !cacheFor.isNegative()) {
            verified.put(user, new Verified(hash, authorities));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String hash(String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
