package org.yike.api.admin;

/** A driver: its id, name, factory PID, and the form of its devices' configuration (null if it describes none). */
public record DriverEntry(String id, String name, String factoryPid, Form configuration) {
}
