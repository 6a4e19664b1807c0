package org.yike.modules.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;

import aQute.bnd.osgi.resource.ResourceUtils;

/**
 * What the framework's resolver is asked: can these resources be wired to the bundles installed
 * (except the ones they replace) plus what the repositories offer? Installed providers come first,
 * so a module takes a new dependency only where nothing installed serves.
 */
final class Resolution extends ResolveContext {

    private final Collection<Resource> mandatory;
    private final List<BundleRevision> installed;
    private final List<Resource> offered;

    /** {@code offered} newest first, so a new dependency is the newest that fits. */
    Resolution(Collection<Resource> mandatory, List<BundleRevision> installed, List<Resource> offered) {
        this.mandatory = mandatory;
        this.installed = installed;
        this.offered = offered;
    }

    @Override
    public Collection<Resource> getMandatoryResources() {
        return mandatory;
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        List<Capability> providers = new ArrayList<>();
        for (BundleRevision r : installed) add(providers, r, requirement);
        for (Resource r : mandatory) add(providers, r, requirement);
        for (Resource r : offered) add(providers, r, requirement);
        return providers;
    }

    private static void add(List<Capability> providers, Resource r, Requirement requirement) {
        for (Capability c : r.getCapabilities(requirement.getNamespace())) {
            if (ResourceUtils.matches(requirement, c)) providers.add(c);
        }
    }

    @Override
    public int insertHostedCapability(List<Capability> capabilities, HostedCapability hosted) {
        capabilities.add(hosted);
        return capabilities.size() - 1;
    }

    @Override
    public boolean isEffective(Requirement requirement) {
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    @Override
    public Map<Resource, Wiring> getWirings() {
        Map<Resource, Wiring> wirings = new HashMap<>();
        for (BundleRevision r : installed) {
            if (r.getWiring() != null) wirings.put(r, r.getWiring());
        }
        return wirings;
    }

    /** A resource's symbolic name and version, as its identity capability says. */
    static String[] identity(Resource r) {
        for (Capability c : r.getCapabilities(IdentityNamespace.IDENTITY_NAMESPACE)) {
            return new String[] {String.valueOf(c.getAttributes().get(IdentityNamespace.IDENTITY_NAMESPACE)),
                    String.valueOf(c.getAttributes().get(IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE))};
        }
        return new String[] {"?", "?"};
    }
}
