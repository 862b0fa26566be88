package io.leadjourney.journey;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda 7.24 checks the id of every row it inserts, and builds the error message for a bad id first, whether
 * or not the id is bad: {@code "Entity " + entity + " has an invalid id"}, which calls the entity's
 * {@code toString()} and prints all of its fields. A journey's start inserts about 45 rows, so building those
 * messages took 21 % of the CPU time of a process start in the import's profile (docs/api.md, "Importing lead lists").
 * This plugin makes the engine check the id first, with the same rule (not null, not {@code *}). Only for a bad id
 * does it call Camunda's own check, which builds the same message and throws the same exception.
 */
@Component
class LazyIdCheckPlugin extends AbstractProcessEnginePlugin {

    /** The id Camunda reserves for "all" in authorizations; no row may carry it. */
    static final String RESERVED_ID = "*";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(DbEntityManager.class,
                new LazyIdCheckFactory(configuration.getIdGenerator()));
    }

    static boolean isValidId(String id) {
        return id != null && !RESERVED_ID.equals(id);
    }

    private static final class LazyIdCheckFactory extends DbEntityManagerFactory {

        LazyIdCheckFactory(IdGenerator idGenerator) {
            super(idGenerator);
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
            return new LazyIdCheckEntityManager(idGenerator, persistence);
        }
    }

    private static final class LazyIdCheckEntityManager extends DbEntityManager {

        LazyIdCheckEntityManager(IdGenerator idGenerator, PersistenceSession persistence) {
            super(idGenerator, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            if (!isValidId(entity.getId())) {
                super.validateId(entity);
            }
        }
    }
}
