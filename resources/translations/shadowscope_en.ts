<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiError</name>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="12"/>
        <source>No answer from the endpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="14"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="16"/>
        <source>The request timed out after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="18"/>
        <source>TLS: %1; the certificate is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="20"/>
        <source>No credentials: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="22"/>
        <source>Your clock is off by %1 s; Shadowscope corrected for it and retried, but AWS still refused the request: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="30"/>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/apierror.cpp" line="31"/>
        <source>%1 (HTTP %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/application.cpp" line="40"/>
        <source>A native explorer for AWS IoT Core device shadows and retained MQTT messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="44"/>
        <source>Explore the local sandbox (an emulator of AWS IoT started inside Shadowscope) instead of an AWS account. Its state is kept in DIR, or in the default place; a new DIR starts with the demo fleet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="48"/>
        <source>The AWS profile (from ~/.aws/config and ~/.aws/credentials) to connect with; default: AWS_PROFILE, else &quot;default&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="52"/>
        <source>The AWS region; default: AWS_REGION, AWS_DEFAULT_REGION, else the profile&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="55"/>
        <source>The data-plane endpoint; default: the profile&apos;s or AWS_ENDPOINT_URL_* settings, else the account&apos;s endpoint found with DescribeEndpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="59"/>
        <source>Trust the PEM certificates in FILE instead of the system&apos;s; default: AWS_CA_BUNDLE, else the profile&apos;s ca_bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="63"/>
        <source>Render the main window offscreen once it has loaded, save it as a PNG, print the status line and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="68"/>
        <source>With --sandbox: the sandbox&apos;s data directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="83"/>
        <source>shadowscope: --sandbox brings its own endpoint and keys; --profile, --region, --endpoint-url and --ca-file are for AWS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="90"/>
        <source>shadowscope: a directory is only taken with --sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="116"/>
        <source>shadowscope: the sandbox did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="165"/>
        <source>%1 is not an AWS region name (such as eu-west-1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="227"/>
        <source>%1 · connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="228"/>
        <source>%1 · %2 · connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="231"/>
        <source>%1 · your clock is off by %2 s (corrected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="128"/>
        <source>shadowscope: the sandbox&apos;s state was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="140"/>
        <source>the sandbox&apos;s key pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="142"/>
        <source>Sandbox · %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="152"/>
        <source>AWS · profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="158"/>
        <source>there is no profile %1 in %2 or %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="162"/>
        <source>no region: give --region, or set region in the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="176"/>
        <source>no PEM certificate in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="205"/>
        <source>%1 · https://%2 · connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="206"/>
        <source>%1 · connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="154"/>
        <location filename="../../app/application.cpp" line="189"/>
        <location filename="../../app/application.cpp" line="214"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/application.cpp" line="252"/>
        <source>shadowscope: cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::AppProfileCredentialsProvider</name>
    <message>
        <location filename="../../app/aws/appprofilecredentialsprovider.cpp" line="42"/>
        <source>Shadowscope profile %1 has no access key id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/appprofilecredentialsprovider.cpp" line="55"/>
        <source>Shadowscope profile %1 (secret in the system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/appprofilecredentialsprovider.cpp" line="63"/>
        <source>No secret access key is stored for Shadowscope profile %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::AwsCliCredentialsProvider</name>
    <message>
        <location filename="../../app/aws/awsclicredentialsprovider.cpp" line="53"/>
        <source>Profile %1 uses neither SSO nor an assumed role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/awsclicredentialsprovider.cpp" line="58"/>
        <source>the aws CLI is needed for profile %1 (SSO or assumed role); install it (%2 was not found).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/awsclicredentialsprovider.cpp" line="73"/>
        <source>The aws CLI (%1) for profile %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/awsclicredentialsprovider.cpp" line="77"/>
        <source>The aws CLI at %1 is too old: it has no `aws configure export-credentials`, which profile %2 needs (SSO or assumed role); install a current aws CLI version 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/awsclicredentialsprovider.cpp" line="87"/>
        <source>The SSO session of profile %1 has expired or was never started: run `aws sso login --profile %1`. (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/awsclicredentialsprovider.cpp" line="94"/>
        <source>aws CLI for profile %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::AwsProfiles</name>
    <message>
        <location filename="../../app/aws/awsprofiles.cpp" line="141"/>
        <source>the endpoint you entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/awsprofiles.cpp" line="165"/>
        <source>services %1 of profile %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/awsprofiles.cpp" line="169"/>
        <source>profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/awsprofiles.cpp" line="181"/>
        <source>The endpoint %1 (from %2) is not an https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/awsprofiles.cpp" line="190"/>
        <source>The endpoint %1 (from %2) uses plain http://, which would send your requests unencrypted; use https:// (plain http:// is allowed only for localhost, 127.0.0.1 and ::1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::CredentialProcess</name>
    <message>
        <location filename="../../app/aws/credentialprocess.cpp" line="75"/>
        <source>The command line ends with an escape character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/credentialprocess.cpp" line="88"/>
        <source>The command line has a quotation mark that is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/credentialprocess.cpp" line="95"/>
        <source>The command line is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/credentialprocess.cpp" line="105"/>
        <source>Its output is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/credentialprocess.cpp" line="111"/>
        <source>Its output has no &quot;Version&quot;; version 1 is expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/credentialprocess.cpp" line="115"/>
        <source>Its output has &quot;Version&quot;: %1, but only version 1 is supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/credentialprocess.cpp" line="131"/>
        <source>Its output has a &quot;%1&quot; that is not a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/credentialprocess.cpp" line="139"/>
        <source>Its output lacks &quot;AccessKeyId&quot; or &quot;SecretAccessKey&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/credentialprocess.cpp" line="146"/>
        <source>Its output has an &quot;Expiration&quot; that is not an ISO 8601 time with a time zone: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::CredentialsChain</name>
    <message>
        <location filename="../../app/aws/credentialschain.cpp" line="33"/>
        <source>The credentials lookup was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/credentialschain.cpp" line="75"/>
        <source>No credentials found for profile %1: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give the profile keys, a credential_process, or an SSO or role configuration in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::EnvironmentCredentialsProvider</name>
    <message>
        <location filename="../../app/aws/environmentcredentialsprovider.cpp" line="12"/>
        <source>AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/environmentcredentialsprovider.cpp" line="16"/>
        <source>%1 is set but %2 is not: set both environment variables, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/environmentcredentialsprovider.cpp" line="29"/>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time with a time zone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/environmentcredentialsprovider.cpp" line="36"/>
        <source>environment variables</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::KeychainSecretStore</name>
    <message>
        <location filename="../../app/aws/keychainsecretstore.cpp" line="32"/>
        <source>No secret stored for %1 in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/keychainsecretstore.cpp" line="34"/>
        <source>Access to the secret %1 was denied in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/keychainsecretstore.cpp" line="37"/>
        <source>The system keychain refused access to the secret %1 (is it locked?): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/keychainsecretstore.cpp" line="41"/>
        <source>The secret %1 could not be removed from the system keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/keychainsecretstore.cpp" line="46"/>
        <source>The system keychain is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/keychainsecretstore.cpp" line="52"/>
        <source>The system keychain is not available: there is no D-Bus session to reach the Secret Service (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/keychainsecretstore.cpp" line="56"/>
        <source>The system keychain failed on the secret %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::MemorySecretStore</name>
    <message>
        <location filename="../../app/aws/memorysecretstore.cpp" line="21"/>
        <source>No secret stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::ProcessCredentialsProvider</name>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="26"/>
        <source>Profile %1 has no credential_process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="29"/>
        <source>The credential_process of profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="33"/>
        <source>%1 cannot be run: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="62"/>
        <source>%1 printed no usable credentials. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="44"/>
        <source>credential_process of profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="75"/>
        <source>(no error output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="78"/>
        <source>%1 could not be started: %2 was not found or is not executable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="81"/>
        <source>%1 did not finish within %2 seconds and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="84"/>
        <source>%1 printed more than a megabyte and was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="86"/>
        <source>%1 crashed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/processcredentialsprovider.cpp" line="89"/>
        <source>%1 failed with exit code %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Aws::SharedFileCredentialsProvider</name>
    <message>
        <location filename="../../app/aws/sharedfilecredentialsprovider.cpp" line="23"/>
        <source>profile &apos;%1&apos; is not in %2 or %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/sharedfilecredentialsprovider.cpp" line="44"/>
        <source>Profile %1 in %2 has %3 but no %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/sharedfilecredentialsprovider.cpp" line="52"/>
        <source>profile %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/aws/sharedfilecredentialsprovider.cpp" line="56"/>
        <source>Profile %1 has no aws_access_key_id.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Iot::RequestExecutor</name>
    <message>
        <location filename="../../app/iot/requestexecutor.cpp" line="184"/>
        <source>the credentials from %1 expired at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/requestexecutor.cpp" line="200"/>
        <source>no credential source is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/requestexecutor.cpp" line="297"/>
        <source>The answer was cut off (%1); the request may have been applied, so it was not sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/requestexecutor.cpp" line="332"/>
        <source>The answer could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IotJson</name>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="42"/>
        <source>%1 is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="57"/>
        <source>%1 is not an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="79"/>
        <source>%1 is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="89"/>
        <source>%1 is not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="101"/>
        <source>%1 is not base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="119"/>
        <source>%1 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="132"/>
        <source>not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="136"/>
        <source>not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="150"/>
        <source>an element is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="304"/>
        <source>user properties are not a JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="312"/>
        <source>a user property is not one key with a string value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="365"/>
        <source>a shadow name is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="434"/>
        <source>attribute %1 is not a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/iot/iotjson.cpp" line="458"/>
        <source>endpointAddress is empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="34"/>
        <source>Shadowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="39"/>
        <source>Select a thing to see its shadows: desired, reported and delta side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="44"/>
        <source>Things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="46"/>
        <source>Shadows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="47"/>
        <source>The classic and named shadows of the selected thing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="49"/>
        <source>Retained topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="50"/>
        <source>The account&apos;s retained MQTT topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="53"/>
        <source>Request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="69"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="70"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="75"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="80"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="81"/>
        <source>&amp;About Shadowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="82"/>
        <source>About Shadowscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="83"/>
        <source>&lt;h3&gt;Shadowscope %1&lt;/h3&gt;&lt;p&gt;A native explorer for AWS IoT Core device shadows and retained MQTT messages.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="91"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <location filename="../../models/requestlogmodel.cpp" line="99"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/requestlogmodel.cpp" line="142"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/requestlogmodel.cpp" line="144"/>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/requestlogmodel.cpp" line="146"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/requestlogmodel.cpp" line="148"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/requestlogmodel.cpp" line="150"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/requestlogmodel.cpp" line="152"/>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/requestlogmodel.cpp" line="154"/>
        <source>Request ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/requestlogmodel.cpp" line="156"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestLogView</name>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="32"/>
        <location filename="../../ui/requestlogview.cpp" line="34"/>
        <source>Filter requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="36"/>
        <source>Shows only the requests whose operation, target, error or request ID contain this text. Ctrl+Shift+F moves here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="45"/>
        <location filename="../../ui/requestlogview.cpp" line="47"/>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="48"/>
        <source>Shows only the requests that failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="51"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="54"/>
        <source>Clear the request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="55"/>
        <source>Removes every request from the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="58"/>
        <source>Every request and its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="91"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="93"/>
        <source>One row per attempt of every request: time, operation, target, status, duration, attempt, request ID and error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="114"/>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="138"/>
        <source>Selected request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="140"/>
        <source>The request ID and full error message of the selected request, selectable to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="170"/>
        <source>Request ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="171"/>
        <source>none (no answer carried one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/requestlogview.cpp" line="176"/>
        <source>Error: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sandbox::SandboxServer</name>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="162"/>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="168"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="178"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="268"/>
        <source>the sandbox only listens on a loopback address, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="274"/>
        <source>cannot create the data directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="280"/>
        <source>%1 is in use by another sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="291"/>
        <source>cannot listen on %1 port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="314"/>
        <source>invalid fault plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="338"/>
        <source>give both an access key and a secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="402"/>
        <source>invalid seed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxserver.cpp" line="448"/>
        <source>the TLS certificate or key is not a PEM certificate and EC or RSA key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sandbox::SandboxStore</name>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="53"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="59"/>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="64"/>
        <source>%1 is not a sandbox store: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="74"/>
        <source>cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="79"/>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="84"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/sandboxstore.cpp" line="94"/>
        <source>cannot remove %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThingsModel</name>
    <message>
        <location filename="../../models/thingsmodel.cpp" line="128"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/thingsmodel.cpp" line="130"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../models/thingsmodel.cpp" line="132"/>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThingsPane</name>
    <message>
        <location filename="../../ui/thingspane.cpp" line="31"/>
        <source>Connect to an account to list its things.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/thingspane.cpp" line="36"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/thingspane.cpp" line="47"/>
        <location filename="../../ui/thingspane.cpp" line="48"/>
        <source>Filter things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/thingspane.cpp" line="68"/>
        <source>Things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/thingspane.cpp" line="82"/>
        <source>Things status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/thingspane.cpp" line="86"/>
        <source>Retry loading things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/thingspane.cpp" line="140"/>
        <source>Things did not load: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/thingspane.cpp" line="144"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/thingspane.cpp" line="149"/>
        <source>%n things</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/thingspane.cpp" line="150"/>
        <source>%1 of %n things</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/thingspane.cpp" line="152"/>
        <source>%1, loading more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/thingspane.cpp" line="154"/>
        <source>%1, more as you scroll</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="68"/>
        <source>A local emulator of the AWS IoT Data Plane API (device shadows, retained messages, publish) with ListThings and DescribeEndpoint, on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="74"/>
        <source>Port to listen on (0, the default, picks a free one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="77"/>
        <source>Keep the state in DIR (default: in memory only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="80"/>
        <source>Discard the state stored in the data directory first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="82"/>
        <source>Load FILE (the demo fleet&apos;s JSON format) into a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="85"/>
        <source>Load the built-in demo fleet into a new store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="87"/>
        <source>Access key id clients sign with (default: generated, kept in the data directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="90"/>
        <source>Secret access key clients sign with (or the environment variable SHADOWSCOPE_SANDBOX_SECRET_KEY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="92"/>
        <source>Require this session token (default: any or none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="95"/>
        <source>Accept unsigned requests (no SigV4 verification).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="97"/>
        <source>Region requests must be signed for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="100"/>
        <source>Serve HTTPS (a generated self-signed certificate unless --cert and --key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="102"/>
        <source>PEM certificate for --tls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="104"/>
        <source>PEM private key for --tls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="106"/>
        <source>Fault plan: JSON text or a JSON file (see the README).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="109"/>
        <source>Nesting depth limit of desired and reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="112"/>
        <source>Pin the clock to an ISO 8601 UTC time (for test vectors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="115"/>
        <source>Log one line per request to stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/sandbox/main.cpp" line="117"/>
        <source>Let tests replace the fault plan at run time (PUT and DELETE /_sandbox/faults, unsigned).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
