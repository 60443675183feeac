package org.mitra.referral;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** The SQL Hibernate runs on the referral database while a test records it, to count the statements a request needs. */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {
    private static final List<String> RECORDED = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            RECORDED.add(sql);
        }
        return sql;
    }

    /** The statements run while the action ran (requests through REST Assured complete before it returns). */
    public static List<String> during(Runnable action) {
        RECORDED.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return List.copyOf(RECORDED);
    }
}
