package org.yike.driver.onvif.internal;

import static org.junit.Assert.assertEquals;

import java.util.Base64;

import org.junit.Test;

public class SoapTest {

    /** The worked example of the ONVIF Application Programmer's Guide (section 6.1.1.3). */
    @Test
    public void theDigestOfTheOnvifGuidesExample() {
        assertEquals("tuOSpGlFlIXsozq4HFNeeGeFLEI=", Soap.digest(Base64.getDecoder().decode("LKqI6G/AikKCQrN0zqZFlg=="),
                "2010-09-16T07:50:45Z", "userpassword"));
    }

    /** The UsernameToken a real camera signed its recorded GetCapabilities answer with (fixture GetCapabilities.xml). */
    @Test
    public void theDigestOfARecordedCamerasToken() {
        assertEquals("5y9Zcgk2iMChJdQw/yOKEtqsI/0=", Soap.digest(Base64.getDecoder().decode("Nzg1MDE2OTYz"),
                "2014-12-24T16:20:37.475Z", "9999"));
    }

    @Test
    public void topicsLoseTheirNamespacePrefixes() {
        assertEquals("RuleEngine/CellMotionDetector/Motion", OnvifClient.topic(" tns1:RuleEngine/CellMotionDetector/Motion\n"));
        assertEquals("RuleEngine/LineDetector/Crossed", OnvifClient.topic("tns1:RuleEngine/tns1:LineDetector/Crossed"));
    }
}
