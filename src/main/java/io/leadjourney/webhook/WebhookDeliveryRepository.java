package io.leadjourney.webhook;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    Optional<WebhookDelivery> findByDeliveryId(String deliveryId);

    List<WebhookDelivery> findByLeadIdOrderByIdAsc(long leadId);

    boolean existsByEventTypeAndLeadIdAndTargetName(WebhookEvent eventType, long leadId, String targetName);
}
