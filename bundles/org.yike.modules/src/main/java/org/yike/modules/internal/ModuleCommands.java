package org.yike.modules.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.modules.Module;
import org.yike.api.modules.Modules;
import org.yike.api.modules.Offer;

/** Gogo: {@code modules:list}, {@code modules:available}, {@code modules:install}, {@code modules:uninstall}, {@code modules:rollback}. */
@Component(service = ModuleCommands.class, property = {"osgi.command.scope=modules", "osgi.command.function=list",
        "osgi.command.function=available", "osgi.command.function=install", "osgi.command.function=uninstall",
        "osgi.command.function=rollback"})
public class ModuleCommands {

    private static final String WHO = "console";

    @Reference
    Modules modules;

    public String list() {
        StringBuilder out = new StringBuilder();
        for (Module m : modules.installed()) {
            out.append(String.format("%-36s %-16s %-10s %s%s%n", m.bsn(), m.version(), m.state(), m.source(),
                    m.previousVersion() == null ? "" : " (before: " + m.previousVersion() + ")"));
        }
        return out.toString();
    }

    public String available() {
        StringBuilder out = new StringBuilder();
        for (Offer o : modules.available()) {
            out.append(String.format("%-36s %-16s %-16s %s%n", o.bsn(), o.version(),
                    o.installedVersion() == null ? "-" : o.installedVersion(), o.repository()));
        }
        return out.toString();
    }

    public String install(String bsn) {
        return install(bsn, null);
    }

    public String install(String bsn, String version) {
        return describe(modules.install(bsn, version, WHO));
    }

    public String uninstall(String bsn) {
        return describe(modules.uninstall(bsn, WHO));
    }

    public String rollback(String bsn) {
        return describe(modules.rollback(bsn, WHO));
    }

    private static String describe(Module m) {
        return m.bsn() + " " + m.version() + " " + m.state();
    }
}
