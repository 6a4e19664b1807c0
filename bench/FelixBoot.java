import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The reference figure of bench/boot.sh: an empty Felix with Declarative Services, started as the
 * product starts its own (a clean framework storage, every bundle installed from its jar). Prints the
 * milliseconds from the JVM's start to SCR's runtime service, then stops.
 *
 * Usage: java -cp felix.jar:. FelixBoot STORAGE BUNDLE.jar...
 */
public final class FelixBoot {

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, args[0],
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (int i = 1; i < args.length; i++) bundles.add(context.installBundle(new File(args[i]).toURI().toString()));
        for (Bundle b : bundles) b.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (context.getServiceReference("org.osgi.service.component.runtime.ServiceComponentRuntime") == null) {
            if (System.currentTimeMillis() > deadline) throw new IllegalStateException("SCR did not start in 60 s");
            Thread.onSpinWait();
        }
        System.out.println("scr-ready-ms " + (System.currentTimeMillis() - jvmStart));
        framework.stop();
        framework.waitForStop(10_000);
        System.exit(0); // the framework's last threads need not be waited for
    }
}
