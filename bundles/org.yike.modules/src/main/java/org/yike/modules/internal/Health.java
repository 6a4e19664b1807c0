package org.yike.modules.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** Whether a started bundle serves: active, each enabled component satisfied or active. */
final class Health {

    /** Marks a problem waiting cannot cure. */
    static final String FAILED = "failed to activate";

    private Health() {
    }

    /** What is wrong with the bundle, in words, or {@code null} when it serves. */
    static String problem(Bundle b, ServiceComponentRuntime scr) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        if (revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) return null;
        String name = b.getSymbolicName() + " " + b.getVersion();
        if (b.getState() != Bundle.ACTIVE) return name + " is " + ModuleManager.state(b) + ", not ACTIVE";
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
            if (!scr.isComponentEnabled(d)) continue;
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return name + ": component " + d.name + " " + FAILED + ": " + firstLine(c.failure);
                }
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    List<String> missing = new ArrayList<>();
                    for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) missing.add(r.name + (r.target == null ? "" : " " + r.target));
                    return name + ": component " + d.name + " misses " + String.join(", ", missing);
                }
            }
        }
        return null;
    }

    private static String firstLine(String failure) {
        return failure == null ? "" : failure.lines().findFirst().orElse("");
    }
}
