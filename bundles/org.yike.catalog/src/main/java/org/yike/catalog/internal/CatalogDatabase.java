package org.yike.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.postgresql.ds.PGSimpleDataSource;
import org.yike.settings.FrameworkSettings;

/**
 * The runtime's database: the lessons' rows and those of the bundles that keep their tables beside them
 * (users, contests, evaluations, analyses), one schema that Flyway migrates (the scripts in
 * {@code org/yike/catalog/migration}) before anything else touches it. Derby embedded under
 * {@code <data>/catalog/db} by default, or a PostgreSQL server; either behind HikariCP's pool. Offered as
 * a {@link DataSource} with {@code yike.database=catalog}, since Derby embedded boots a database in one
 * engine only, this bundle's.
 */
@Component(service = DataSource.class, property = "yike.database=catalog", configurationPid = "org.yike.catalog.database")
@Designate(ocd = DatabaseConfig.class)
public class CatalogDatabase extends HikariDataSource {

    /**
     * Collations that sort text by code point, as Derby and Java's String do: the catalog reads a lesson's
     * children merged in id order, and lists sort alike on both engines.
     */
    private static final Set<String> CODE_POINT_COLLATIONS = Set.of("C", "POSIX", "C.UTF-8", "C.utf8");

    private final DataSource engine;

    @Activate
    public CatalogDatabase(BundleContext context, DatabaseConfig config) {
        this(engine(config, FrameworkSettings.of(context).dataFolder().resolve("catalog").resolve("db")), config.poolSize());
    }

    /** The database that {@code engine} (Derby's or PostgreSQL's own data source) reaches, pooled and migrated. */
    public CatalogDatabase(DataSource engine, int poolSize) {
        super(pool(engine, poolSize));
        this.engine = engine;
        try {
            if (engine instanceof PGSimpleDataSource) requireCodePointCollation();
            // PostgreSQL's full-text search (its own types and indexes) in a folder of its own beside the common scripts
            String[] locations = engine instanceof PGSimpleDataSource
                    ? new String[] {"classpath:org/yike/catalog/migration", "classpath:org/yike/catalog/migration-postgresql"}
                    : new String[] {"classpath:org/yike/catalog/migration"};
            // Flyway's lines through slf4j, as the runtime's other lines, not java.util.logging's own format
            Flyway.configure(CatalogDatabase.class.getClassLoader()).dataSource(this).loggers("slf4j").locations(locations)
                    .load().migrate();
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    private static DataSource engine(DatabaseConfig config, Path derbyFolder) {
        return switch (config.engine()) {
            case "derby" -> derby(derbyFolder);
            case "postgresql" -> postgresql(config.url(), config.user(), config.password());
            default -> throw new IllegalArgumentException("no database engine '" + config.engine() + "': derby or postgresql");
        };
    }

    /** Derby embedded in {@code folder}, made on first use. */
    public static DataSource derby(Path folder) {
        try {
            Files.createDirectories(folder.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + folder.getParent(), e);
        }
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(folder.toAbsolutePath().toString());
        derby.setCreateDatabase("create");
        return derby;
    }

    /** A PostgreSQL database at {@code url} (jdbc:postgresql://host:port/database). */
    public static DataSource postgresql(String url, String user, String password) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL URL begins jdbc:postgresql://, not '" + url + "'");
        }
        PGSimpleDataSource postgresql = new PGSimpleDataSource();
        postgresql.setURL(url);
        if (user != null && !user.isEmpty()) postgresql.setUser(user);
        if (password != null && !password.isEmpty()) postgresql.setPassword(password);
        return postgresql;
    }

    private static HikariConfig pool(DataSource engine, int poolSize) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(engine);
        pool.setPoolName("yike-database");
        pool.setMaximumPoolSize(poolSize);
        // the users of this database hold a connection each for their lifetime; the rest come and go
        pool.setMinimumIdle(2);
        return pool;
    }

    private void requireCodePointCollation() {
        try (Connection c = getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT datlocprovider, datcollate FROM pg_database WHERE datname = current_database()")) {
            r.next();
            // ICU's collations (provider i) sort by language, whatever datcollate says
            String collation = r.getString(1).equals("c") ? r.getString(2) : "ICU";
            if (!CODE_POINT_COLLATIONS.contains(collation)) {
                throw new IllegalStateException("the PostgreSQL database sorts text by " + collation + ", not by code point:"
                        + " make it with CREATE DATABASE ... TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the PostgreSQL database's collation: " + e.getMessage(), e);
        }
    }

    /** Closes the pool and shuts Derby down, so its files are whole and its lock let go. */
    @Deactivate
    public void shutdown() {
        close();
        if (engine instanceof EmbeddedDataSource derby) {
            try {
                derby.setCreateDatabase(null);
                derby.setShutdownDatabase("shutdown");
                derby.getConnection().close();
            } catch (SQLException expected) {
                // Derby answers a clean shutdown with SQLState 08006
            }
        }
    }
}
