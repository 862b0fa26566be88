package io.leadjourney.journey;

import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Before every authorization check, Camunda 7.24 narrows the user's groups to those that have any authorization at
 * all, and finds those by reading every row of {@code ACT_RU_AUTHORIZATION}:
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}. Each task a rep is assigned adds rows for the rep
 * and the group, so with 50,000 open leads that statement reads 145,000 rows, on every authorized command of every
 * user: 48 ms on average in PostgreSQL's statement log of the Tasklist benchmark (docs/performance.md). This
 * plugin asks the same question about the user's own groups only, one count each through the engine's authorization
 * query, which finds them through Camunda's index on the group id. The answer is the same list of groups, and like
 * Camunda's it is remembered for the rest of the command.
 */
@Component
class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(AuthorizationManager.class,
                new GenericManagerFactory(GroupByGroupAuthorizationManager.class));
    }

    /** Camunda's authorization manager, but finding the user's authorized groups one group at a time. */
    public static class GroupByGroupAuthorizationManager extends AuthorizationManager {

        private final Map<String, Boolean> groupHasAuthorizations = new HashMap<>();

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return Collections.emptyList();
            }
            List<String> authorized = new ArrayList<>();
            for (String groupId : new LinkedHashSet<>(authenticatedGroupIds)) {
                if (groupId != null && groupHasAuthorizations.computeIfAbsent(groupId, this::hasAuthorizations)) {
                    authorized.add(groupId);
                }
            }
            return authorized;
        }

        private boolean hasAuthorizations(String groupId) {
            AuthorizationQueryImpl query = new AuthorizationQueryImpl();
            query.groupIdIn(groupId);
            Long count = (Long) getDbEntityManager().selectOne("selectAuthorizationCountByQueryCriteria", query);
            return Objects.requireNonNullElse(count, 0L) > 0;
        }
    }
}
