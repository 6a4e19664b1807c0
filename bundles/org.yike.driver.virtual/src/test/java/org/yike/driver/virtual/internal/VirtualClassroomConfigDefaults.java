package org.yike.driver.virtual.internal;

final class VirtualClassroomConfigDefaults {

    static final String FONT = Configs.of(java.util.Map.of()).font();

    private VirtualClassroomConfigDefaults() {
    }
}
