package org.yike.logging.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.logging.LogLevels;

/**
 * Gogo: {@code yike:loglevel} lists the levels set; {@code yike:loglevel <bundle|logger> <LEVEL>}
 * sets one, {@code default} as the level putting it back to what it inherits.
 */
@Component(service = LogCommands.class, property = {"osgi.command.scope=yike", "osgi.command.function=loglevel"})
public class LogCommands {

    @Reference
    LogLevels levels;

    public String loglevel() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : levels.levels().entrySet()) out.append(String.format("%-50s %s%n", e.getKey(), e.getValue()));
        return out.toString();
    }

    public String loglevel(String name, String level) {
        levels.set(name, level.equalsIgnoreCase("default") ? null : level);
        return loglevel();
    }
}
