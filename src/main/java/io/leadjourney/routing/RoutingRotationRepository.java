package io.leadjourney.routing;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface RoutingRotationRepository extends JpaRepository<RoutingRotation, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RoutingRotation r where r.groupId = :groupId")
    Optional<RoutingRotation> findForUpdate(String groupId);
}
