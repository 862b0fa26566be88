package io.leadjourney.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Authorization checks without reading every group of the authorization table first.
 * <p>
 * Before it checks a user's authorizations, Camunda narrows the user's groups to those that appear in
 * {@code ACT_RU_AUTHORIZATION} ({@code SELECT DISTINCT GROUP_ID_} over the whole table), once in every command. With
 * authorization on, every open task brings rows of its own (its assignee's, its candidate group's), so at 50,000
 * open leads that table holds over 100,000 rows and the scan took 48 ms on average, two or three times for each page
 * a rep opens in Tasklist ({@code TasklistBenchmark}'s profile: more than half of the page's time). Narrowing only
 * shortens the list of groups the check compares with; a group that has no authorization matches no row either way,
 * so the answer is the same. Our users are in a handful of groups: up to {@value #NARROW_ABOVE} are checked as they
 * are, without the scan; a user in more is narrowed as Camunda does.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

    static final int NARROW_ABOVE = 50;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new FewGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's authorization manager, checking a user of few groups with all of them. */
    static final class FewGroupsAuthorizationManager extends AuthorizationManager {
        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.size() > NARROW_ABOVE) {
                return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
            }
            return new ArrayList<>(authenticatedGroupIds);
        }
    }
}
