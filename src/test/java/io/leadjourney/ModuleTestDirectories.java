package io.leadjourney;

import io.leadjourney.notification.NotificationEmailStarter;
import io.leadjourney.notification.RecipientDirectory;
import io.leadjourney.routing.RepDirectory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For module tests of routing and what uses it: the ports {@code security} implements over Camunda's users. Users
 * the test creates exist; none is an admin; a sales band is a {@code reps-} group; everyone's address is
 * {@code <id>@module.example}. Module tests have no mail server, so notifications are stored, never e-mailed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestDirectories {

    @Bean
    RepDirectory repDirectory() {
        Set<String> users = ConcurrentHashMap.newKeySet();
        return new RepDirectory() {
            public boolean userExists(String userId) {
                return users.contains(userId);
            }

            public boolean isSalesBand(String groupId) {
                return groupId.startsWith("reps-");
            }

            public List<String> privilegesOf(String userId) {
                return List.of();
            }

            public boolean isAdmin(String userId) {
                return false;
            }

            public void createUser(String userId, String displayName, String email, String password) {
                users.add(userId);
            }

            public void updateUser(String userId, String displayName, String email) {
            }

            public void setGroups(String userId, Set<String> groups, Set<String> previous, boolean active) {
            }
        };
    }

    @Bean
    RecipientDirectory recipientDirectory() {
        return userOrGroup -> List.of(userOrGroup + "@module.example");
    }

    @Bean
    NotificationEmailStarter notificationEmailStarter() {
        return (notificationId, recipient, leadId) -> {
            throw new IllegalStateException("Module tests have no mail server: notification " + notificationId
                    + " should have been stored only");
        };
    }
}
