package org.yike.lib.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class ManscdpTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final String CATALOG = """
            <?xml version="1.0" encoding="GB2312"?>
            <Response>
            <CmdType>Catalog</CmdType>
            <SN>17</SN>
            <DeviceID>34020000001320000001</DeviceID>
            <SumNum>2</SumNum>
            <DeviceList Num="2">
            <Item><DeviceID>34020000001310000001</DeviceID><Name>三年级二班 教师</Name><Manufacturer>Hikvision</Manufacturer><Status>ON</Status></Item>
            <Item><DeviceID>34020000001310000002</DeviceID><Name>学生</Name><Status>OFF</Status></Item>
            </DeviceList>
            </Response>
            """;

    @Test
    public void aCatalogDeclaredGb2312IsReadInItsEncoding() throws IOException {
        Manscdp.Message m = Manscdp.parse(CATALOG.getBytes(Charset.forName("GB2312")));
        assertEquals("Response", m.root());
        assertEquals("Catalog", m.cmdType());
        assertEquals("17", m.sn());
        assertEquals("34020000001320000001", m.deviceId());
        assertEquals(2, m.sumNum());
        List<Manscdp.Channel> channels = m.channels();
        assertEquals(2, channels.size());
        assertEquals(new Manscdp.Channel("34020000001310000001", "三年级二班 教师", "Hikvision", "", "ON"), channels.get(0));
        assertFalse(channels.get(0).off());
        assertTrue(channels.get(1).off());
    }

    /** 瑢 is in GBK (and GB18030) but not in GB2312: cameras send such names and still declare GB2312. */
    @Test
    public void aGbkCharacterInABodyDeclaredGb2312Survives() throws IOException {
        String body = CATALOG.replace("学生", "瑢瑢");
        assertFalse(Charset.forName("GB2312").newEncoder().canEncode("瑢"));
        assertEquals("瑢瑢", Manscdp.parse(body.getBytes(GB18030)).channels().get(1).name());
    }

    @Test
    public void utf8AndNoDeclarationAreUtf8() throws IOException {
        String utf8 = CATALOG.replace("GB2312", "UTF-8");
        assertEquals("学生", Manscdp.parse(utf8.getBytes(StandardCharsets.UTF_8)).channels().get(1).name());
        String none = CATALOG.substring(CATALOG.indexOf("<Response>"));
        assertEquals(StandardCharsets.UTF_8, Manscdp.charset(none.getBytes(StandardCharsets.UTF_8)));
    }

    @Test(expected = IOException.class)
    public void aDoctypeIsRefused() throws IOException {
        Manscdp.parse(("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Notify><CmdType>Keepalive</CmdType><Info>&e;</Info></Notify>").getBytes(StandardCharsets.US_ASCII));
    }

    @Test(expected = IOException.class)
    public void notXmlIsRefused() throws IOException {
        Manscdp.parse("Keepalive".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    public void aQueryReadsBackAsWritten() throws IOException {
        byte[] query = Manscdp.write("Query", "Catalog", 5, "34020000001320000001", Map.of());
        assertTrue(new String(query, StandardCharsets.US_ASCII).contains("encoding=\"GB2312\""));
        Manscdp.Message m = Manscdp.parse(query);
        assertEquals("Query", m.root());
        assertEquals("Catalog", m.cmdType());
        assertEquals("5", m.sn());
        assertEquals("34020000001320000001", m.deviceId());
    }
}
