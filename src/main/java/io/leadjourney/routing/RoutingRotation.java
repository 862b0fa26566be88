package io.leadjourney.routing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Where the round robin of one group of reps stands. One row per group, locked only while a turn is taken. */
@Entity
@Table(name = "routing_rotation")
public class RoutingRotation {

    @Id
    private String groupId;
    private long nextPosition;
    private Instant updatedAt;

    protected RoutingRotation() {
    }

    RoutingRotation(String groupId, Instant now) {
        this.groupId = groupId;
        this.updatedAt = now;
    }

    /** Takes the next position and moves the rotation on by one. */
    long take(Instant now) {
        updatedAt = now;
        return nextPosition++;
    }

    public String getGroupId() { return groupId; }
    public long getNextPosition() { return nextPosition; }
}
