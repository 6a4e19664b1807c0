package org.yike.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.yike.settings.FrameworkSettings;

/**
 * The runtime's database, Derby embedded under {@code <data>/catalog/db}: the lessons' rows and the
 * users' ({@code org.yike.access}), one schema that Flyway migrates (the scripts in
 * {@code org/yike/catalog/migration}) before anything else touches it. Offered as a
 * {@link DataSource} with {@code yike.database=catalog}, since Derby embedded boots a database in one
 * engine only, this bundle's.
 */
@Component(service = DataSource.class, property = "yike.database=catalog")
public class CatalogDatabase extends EmbeddedDataSource {

    private static final long serialVersionUID = 1L;

    @Activate
    public CatalogDatabase(BundleContext context) {
        this(FrameworkSettings.of(context).dataFolder().resolve("catalog").resolve("db"));
    }

    CatalogDatabase(Path folder) {
        try {
            Files.createDirectories(folder.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + folder.getParent(), e);
        }
        setDatabaseName(folder.toAbsolutePath().toString());
        setCreateDatabase("create");
        // Flyway's lines through slf4j, as the runtime's other lines, not java.util.logging's own format
        Flyway.configure(CatalogDatabase.class.getClassLoader()).dataSource(this).loggers("slf4j")
                .locations("classpath:org/yike/catalog/migration").load().migrate();
    }

    /** Shuts the database down, so its files are whole and its lock let go. */
    @Deactivate
    void shutdown() {
        try {
            setCreateDatabase(null);
            setShutdownDatabase("shutdown");
            getConnection().close();
        } catch (SQLException expected) {
            // Derby answers a clean shutdown with SQLState 08006
        }
    }
}
