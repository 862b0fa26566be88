package io.leadjourney.routing;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * Takes a group's next round-robin turn in a transaction of its own, which commits at once.
 * <p>
 * The rotation row is the one thing every lead of a group shares. Taken inside the "Route lead" job, its row lock
 * was held until the job committed, after the engine had created the task, its timers and their history: the
 * leads of a group were routed one at a time (the PostgreSQL log showed 1,268 waits on that row, 271 s in all,
 * for 1,300 leads). Now the lock lasts one update. The price: a routing job that rolls back after taking its turn
 * leaves that turn unused, so the next lead goes to the rep after. No lead is lost or routed twice by it.
 * <p>
 * Each routing job holds a second connection for that moment, so the pool must be larger than the job executor
 * (see {@code spring.datasource.hikari.maximum-pool-size}).
 */
@Component
class RotationTurns {

    private final RoutingRotationRepository rotations;

    RotationTurns(RoutingRotationRepository rotations) {
        this.rotations = rotations;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long next(String group, Instant now) {
        RoutingRotation rotation = rotations.findForUpdate(group)
                .orElseGet(() -> rotations.save(new RoutingRotation(group, now)));
        return rotation.take(now);
    }
}
