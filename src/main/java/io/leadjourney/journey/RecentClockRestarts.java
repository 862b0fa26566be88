package io.leadjourney.journey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.leadjourney.support.AfterCommit;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When each nurtured lead's "30 days without engagement" clock was last started again, on this node, so that a lead
 * who sends a burst of events (a visit of several pages, an e-mail opened and clicked) restarts it once a minute
 * rather than once an event: each restart is three engine commands. A skipped restart leaves the clock at most
 * {@link #INTERVAL} short of 30 days after the last event, and a new clock (the lead entered nurture again) always
 * starts after the remembered restart, so the bound holds for it too.
 * <p>
 * A restart is remembered only once its transaction has committed: one that rolled back changed no timer, and the
 * next event restarts the clock. Times come from the engine's clock ({@link Clock}), so a scenario that moves time
 * sees the clock restart; a time earlier than the remembered one (the clock moved back) restarts it too. Other
 * nodes do not share this memory: at worst each restarts the clock once a minute. An entry is forgotten two
 * minutes after it was written, so memory stays bounded by the leads active in the last two minutes.
 */
@Component
class RecentClockRestarts {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final int MOST_LEADS = 200_000;

    private final Clock clock;
    private final Cache<Long, Instant> restarts = Caffeine.newBuilder().maximumSize(MOST_LEADS)
            .expireAfterWrite(INTERVAL.multipliedBy(2)).build();

    RecentClockRestarts(Clock clock) {
        this.clock = clock;
    }

    /** Whether the lead's clock was started again less than {@link #INTERVAL} ago (by a committed transaction). */
    boolean restartedLately(long leadId) {
        Instant last = restarts.getIfPresent(leadId);
        if (last == null) {
            return false;
        }
        Duration since = Duration.between(last, Instant.now(clock));
        return !since.isNegative() && since.compareTo(INTERVAL) < 0;
    }

    /** The lead's clock was started again now: remembered when the caller's transaction commits. */
    void restarted(long leadId) {
        Instant now = Instant.now(clock);
        AfterCommit.run(() -> restarts.put(leadId, now));
    }
}
