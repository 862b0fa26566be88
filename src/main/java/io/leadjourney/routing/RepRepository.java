package io.leadjourney.routing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface RepRepository extends JpaRepository<Rep, String> {

    /** The active reps of a group, in a stable order so the rotation position means the same rep on every node. */
    @Query("select r from Rep r join r.groups g where g = :groupId and r.active = true order by r.userId")
    List<Rep> findActiveInGroup(String groupId);

    List<Rep> findByActiveTrueOrderByUserId();
}
