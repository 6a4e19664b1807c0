package org.yike.api.admin;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The school's configuration: one configuration's values checked against its Metatype, and the whole
 * of it as one file — every ConfigAdmin configuration (devices, strategies, profiles, catalog,
 * scheduler…), the publishing targets and the timetable — so that a replaced box is set up with one
 * import. Passwords never leave in clear: without a passphrase they are left out (and named), with one
 * they are sealed. The file is a JSON object as plain Java: maps, lists, strings, numbers and booleans.
 * A timetable the import refuses comes as {@link org.yike.api.timetable.TimetableRejected}.
 */
@ProviderType
public interface SchoolConfiguration {

    /**
     * A configuration described by Metatype: its values (passwords left out) and its form. A PID
     * {@code factory~name} is the instance {@code name} of a factory (a detector per camera, say).
     */
    Described get(String pid) throws IOException;

    /**
     * Changes the attributes {@code changes} names, each checked against and converted to the Metatype
     * description; a null value returns one to its default. Stored when this returns. A factory's
     * instance {@code factory~name} that is not there yet is made, if it then has every required attribute.
     */
    Described change(String pid, Map<String, Object> changes) throws IOException;

    /**
     * Deletes a configuration: a factory's instance goes, any other returns to its defaults. False
     * where there was none.
     *
     * @since 1.1
     */
    boolean delete(String pid) throws IOException;

    /** The whole configuration as one file; {@code passphrase} seals the passwords, without one (null) they are left out. */
    Map<String, Object> export(String passphrase) throws IOException;

    /**
     * Sets up this runtime from an export: the timetable, the targets, then every configuration, each
     * replacing the one of its PID or name; those the file does not name stay. The whole file is read
     * and its secrets opened before anything changes, so a damaged file or a wrong passphrase changes nothing.
     */
    Imported importFile(Map<String, Object> file, String passphrase) throws IOException;

    /**
     * The form of a factory PID or PID, labelled in {@code locale} (null: the description's own words),
     * from whichever bundle describes it.
     */
    Optional<Form> form(String pid, Locale locale);

    /**
     * {@code values} checked against the Metatype description of the factory PID or PID and converted
     * to its types: each value of the type, option and range its attribute allows (a list or an array
     * where its cardinality says so), and every required attribute without a default given. An
     * attribute the description lacks is refused; null values are left out.
     */
    Map<String, Object> typed(String pid, Map<String, Object> values);

    /** One configuration: its values by attribute (no password) and the form that describes them. */
    record Described(String pid, Map<String, Object> values, Form configuration) {
    }

    /**
     * What an import kept: configurations and targets, the timetable's sessions (null: the file had no
     * timetable) and the secrets the export had left out.
     */
    record Imported(int configurations, int targets, Integer timetableSessions, List<String> secretsLeftOut) {
    }
}
