<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgentSession</name>
    <message>
        <source>The server refused the API key: %s</source>
        <translation>The server refused the API key: %s</translation>
    </message>
    <message>
        <source>%s failed: %s</source>
        <translation>%s failed: %s</translation>
    </message>
    <message>
        <source>Cannot dial “%s”: %s</source>
        <translation>Cannot dial “%s”: %s</translation>
    </message>
    <message>
        <source>%s failed because of an internal error (details in the log).</source>
        <translation>%s failed because of an internal error (details in the log).</translation>
    </message>
    <message>
        <source>The server says you are not logged in (“%s”); it may have restarted. Log in again.</source>
        <translation>The server says you are not logged in (“%s”); it may have restarted. Log in again.</translation>
    </message>
    <message>
        <source>The server says you are not on a break (“%s”); the break is closed here.</source>
        <translation>The server says you are not on a break (“%s”); the break is closed here.</translation>
    </message>
    <message>
        <source>Could not save to disk: %s</source>
        <translation>Could not save to disk: %s</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Logged in.</source>
        <translation>Logged in.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>Logged out.</translation>
    </message>
    <message>
        <source>Loading break reasons</source>
        <translation>Loading break reasons</translation>
    </message>
    <message>
        <source>Starting the break</source>
        <translation>Starting the break</translation>
    </message>
    <message>
        <source>Break started.</source>
        <translation>Break started.</translation>
    </message>
    <message>
        <source>Ending the break</source>
        <translation>Ending the break</translation>
    </message>
    <message>
        <source>Break ended.</source>
        <translation>Break ended.</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>Dialling</translation>
    </message>
    <message>
        <source>Calling %s — your phone rings first.</source>
        <translation>Calling %s — your phone rings first.</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Call transferred to %s.</source>
        <translation>Call transferred to %s.</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Call ended.</source>
        <translation>Call ended.</translation>
    </message>
    <message>
        <source>The server answers again.</source>
        <translation>The server answers again.</translation>
    </message>
    <message>
        <source>internal error (details in the log)</source>
        <translation>internal error (details in the log)</translation>
    </message>
</context>
<context>
    <name>CallSearch</name>
    <message>
        <source>Search by number or name (Ctrl+F)</source>
        <translation>Search by number or name (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search %s</source>
        <translation>Search %s</translation>
    </message>
    <message>
        <source>Filters as you type; İ/I/ı/i, ş/s, ç/c… are treated alike</source>
        <translation>Filters as you type; İ/I/ı/i, ş/s, ç/c… are treated alike</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Recording</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Congestion</source>
        <translation>Congestion</translation>
    </message>
    <message>
        <source>Today %s</source>
        <translation>Today %s</translation>
    </message>
    <message>
        <source>▶ Listen</source>
        <translation>▶ Listen</translation>
    </message>
    <message>
        <source>Show this call's recording in the Recordings tab (%s)</source>
        <translation>Show this call's recording in the Recordings tab (%s)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>AgentBar — unexpected error</source>
        <translation>AgentBar — unexpected error</translation>
    </message>
    <message>
        <source>Something went wrong inside AgentBar. It keeps running; details are in the log.</source>
        <translation>Something went wrong inside AgentBar. It keeps running; details are in the log.</translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Start AgentBar when I log &amp;in</source>
        <translation>Start AgentBar when I log &amp;in</translation>
    </message>
    <message>
        <source>Start AgentBar in the system tray when you log in to this computer. Takes effect at once, even if you cancel this window.</source>
        <translation>Start AgentBar in the system tray when you log in to this computer. Takes effect at once, even if you cancel this window.</translation>
    </message>
    <message>
        <source>Start AgentBar at login</source>
        <translation>Start AgentBar at login</translation>
    </message>
    <message>
        <source>Start at login problem</source>
        <translation>Start at login problem</translation>
    </message>
    <message>
        <source>Handle ph&amp;one links (tel:, callto:, sip:)</source>
        <translation>Handle ph&amp;one links (tel:, callto:, sip:)</translation>
    </message>
    <message>
        <source>Make AgentBar open the phone links you click in browsers, e-mails and other programs. On Windows, then choose AgentBar in the Default apps page that opens.</source>
        <translation>Make AgentBar open the phone links you click in browsers, e-mails and other programs. On Windows, then choose AgentBar in the Default apps page that opens.</translation>
    </message>
    <message>
        <source>Handle phone links</source>
        <translation>Handle phone links</translation>
    </message>
    <message>
        <source>Phone links result</source>
        <translation>Phone links result</translation>
    </message>
    <message>
        <source>Could not turn on start at login: %1</source>
        <translation>Could not turn on start at login: %1</translation>
    </message>
    <message>
        <source>Could not turn off start at login: %1</source>
        <translation>Could not turn off start at login: %1</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Registering…</translation>
    </message>
    <message>
        <source>Registering failed unexpectedly (%1).</source>
        <translation>Registering failed unexpectedly (%1).</translation>
    </message>
</context>
<context>
    <name>DialField</name>
    <message>
        <source>Number to call</source>
        <translation>Number to call</translation>
    </message>
    <message>
        <source>Type or paste a number in any form (+90 532…, 0532…, tel: links); Enter dials</source>
        <translation>Type or paste a number in any form (+90 532…, 0532…, tel: links); Enter dials</translation>
    </message>
    <message>
        <source>Cannot dial: %s</source>
        <translation>Cannot dial: %s</translation>
    </message>
    <message>
        <source>Will dial extension %s</source>
        <translation>Will dial extension %s</translation>
    </message>
    <message>
        <source>Will dial %s</source>
        <translation>Will dial %s</translation>
    </message>
</context>
<context>
    <name>Grip</name>
    <message>
        <source>Drag to move the bar</source>
        <translation>Drag to move the bar</translation>
    </message>
    <message>
        <source>Move handle</source>
        <translation>Move handle</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Today's summary</source>
        <translation>Today's summary</translation>
    </message>
    <message>
        <source>call history</source>
        <translation>call history</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Ask the server again (F5)</source>
        <translation>Ask the server again (F5)</translation>
    </message>
    <message>
        <source>Refresh history</source>
        <translation>Refresh history</translation>
    </message>
    <message>
        <source>Call history</source>
        <translation>Call history</translation>
    </message>
    <message>
        <source>Your recent calls. Double-click or Enter: put the number in the dial field</source>
        <translation>Your recent calls. Double-click or Enter: put the number in the dial field</translation>
    </message>
    <message>
        <source>&amp;Dial field</source>
        <translation>&amp;Dial field</translation>
    </message>
    <message>
        <source>Put the number in the bar's dial field (double-click or Enter)</source>
        <translation>Put the number in the bar's dial field (double-click or Enter)</translation>
    </message>
    <message>
        <source>Put the number in the dial field</source>
        <translation>Put the number in the dial field</translation>
    </message>
    <message>
        <source>&amp;Copy number</source>
        <translation>&amp;Copy number</translation>
    </message>
    <message>
        <source>Copy the number to the clipboard (Ctrl+C)</source>
        <translation>Copy the number to the clipboard (Ctrl+C)</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>&amp;Go to recording</source>
        <translation>&amp;Go to recording</translation>
    </message>
    <message>
        <source>Show this call's recording in the Recordings tab</source>
        <translation>Show this call's recording in the Recordings tab</translation>
    </message>
    <message>
        <source>Go to recording</source>
        <translation>Go to recording</translation>
    </message>
    <message>
        <source>Today — calls: %d · answered: %d · talk time: %s · break time: %s</source>
        <translation>Today — calls: %d · answered: %d · talk time: %s · break time: %s</translation>
    </message>
    <message>
        <source>Loading the call history…</source>
        <translation>Loading the call history…</translation>
    </message>
    <message>
        <source>Copied %s.</source>
        <translation>Copied %s.</translation>
    </message>
</context>
<context>
    <name>PanelSession</name>
    <message>
        <source>Resizing the recordings cache</source>
        <translation>Resizing the recordings cache</translation>
    </message>
    <message>
        <source>%s failed: %s</source>
        <translation>%s failed: %s</translation>
    </message>
    <message>
        <source>%s failed because of an internal error (details in the log).</source>
        <translation>%s failed because of an internal error (details in the log).</translation>
    </message>
    <message>
        <source>Loading recordings</source>
        <translation>Loading recordings</translation>
    </message>
    <message>
        <source>Loading older recordings</source>
        <translation>Loading older recordings</translation>
    </message>
    <message>
        <source>Downloading the recording</source>
        <translation>Downloading the recording</translation>
    </message>
    <message>
        <source>Caching</source>
        <translation>Caching</translation>
    </message>
    <message>
        <source>Clearing the cache</source>
        <translation>Clearing the cache</translation>
    </message>
    <message>
        <source>Saving the recording</source>
        <translation>Saving the recording</translation>
    </message>
    <message>
        <source>Recording saved to %s</source>
        <translation>Recording saved to %s</translation>
    </message>
    <message>
        <source>Loading the call history</source>
        <translation>Loading the call history</translation>
    </message>
    <message>
        <source>Loading the queues</source>
        <translation>Loading the queues</translation>
    </message>
    <message>
        <source>Joining queue %s</source>
        <translation>Joining queue %s</translation>
    </message>
    <message>
        <source>Leaving queue %s</source>
        <translation>Leaving queue %s</translation>
    </message>
    <message>
        <source>Joined queue %s.</source>
        <translation>Joined queue %s.</translation>
    </message>
    <message>
        <source>Left queue %s.</source>
        <translation>Left queue %s.</translation>
    </message>
    <message>
        <source>The server answered “%s”, but queue %s still lists agent %s as %s.</source>
        <translation>The server answered “%s”, but queue %s still lists agent %s as %s.</translation>
    </message>
    <message>
        <source>not a member</source>
        <translation>not a member</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>a member</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>This recording cannot be played: the file is damaged or its format is not supported.</source>
        <translation>This recording cannot be played: the file is damaged or its format is not supported.</translation>
    </message>
    <message>
        <source>The recording file could not be opened.</source>
        <translation>The recording file could not be opened.</translation>
    </message>
    <message>
        <source>Playback failed: %s</source>
        <translation>Playback failed: %s</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <source>Selected recording</source>
        <translation>Selected recording</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <source>Play or pause the selected recording (Space)</source>
        <translation>Play or pause the selected recording (Space)</translation>
    </message>
    <message>
        <source>%d s</source>
        <translation>%d s</translation>
    </message>
    <message>
        <source>Back %d seconds (Left arrow)</source>
        <translation>Back %d seconds (Left arrow)</translation>
    </message>
    <message>
        <source>Back %d seconds</source>
        <translation>Back %d seconds</translation>
    </message>
    <message>
        <source>Forward %d seconds (Right arrow)</source>
        <translation>Forward %d seconds (Right arrow)</translation>
    </message>
    <message>
        <source>Forward %d seconds</source>
        <translation>Forward %d seconds</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Position in the recording</translation>
    </message>
    <message>
        <source>Drag to move in the recording; arrow keys move by 5 s</source>
        <translation>Drag to move in the recording; arrow keys move by 5 s</translation>
    </message>
    <message>
        <source>Position and length</source>
        <translation>Position and length</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Playback speed</translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation>&amp;Volume</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>Save a copy of the selected recording</source>
        <translation>Save a copy of the selected recording</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download progress</translation>
    </message>
    <message>
        <source>Downloading the recording</source>
        <translation>Downloading the recording</translation>
    </message>
    <message>
        <source>Downloading… %p%</source>
        <translation>Downloading… %p%</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Stop the download</source>
        <translation>Stop the download</translation>
    </message>
    <message>
        <source>Player message</source>
        <translation>Player message</translation>
    </message>
    <message>
        <source>Select a recording to play it.</source>
        <translation>Select a recording to play it.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
</context>
<context>
    <name>QueuesTab</name>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>The call center's queues and whether you are in each</source>
        <translation>The call center's queues and whether you are in each</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Join</translation>
    </message>
    <message>
        <source>Add yourself to the selected queue</source>
        <translation>Add yourself to the selected queue</translation>
    </message>
    <message>
        <source>Join queue</source>
        <translation>Join queue</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Leave</translation>
    </message>
    <message>
        <source>Remove yourself from the selected queue</source>
        <translation>Remove yourself from the selected queue</translation>
    </message>
    <message>
        <source>Leave queue</source>
        <translation>Leave queue</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Ask the server again (F5)</source>
        <translation>Ask the server again (F5)</translation>
    </message>
    <message>
        <source>Refresh queues</source>
        <translation>Refresh queues</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>? Unknown</source>
        <translation>? Unknown</translation>
    </message>
    <message>
        <source>✔ Member</source>
        <translation>✔ Member</translation>
    </message>
    <message>
        <source>— Not a member</source>
        <translation>— Not a member</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>RecordingsTab</name>
    <message>
        <source>recordings</source>
        <translation>recordings</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Recordings</translation>
    </message>
    <message>
        <source>Your recorded calls. Space plays or pauses; ←/→ skip 10 s</source>
        <translation>Your recorded calls. Space plays or pauses; ←/→ skip 10 s</translation>
    </message>
    <message>
        <source>Date range shown</source>
        <translation>Date range shown</translation>
    </message>
    <message>
        <source>Load &amp;older</source>
        <translation>Load &amp;older</translation>
    </message>
    <message>
        <source>Load older recordings</source>
        <translation>Load older recordings</translation>
    </message>
    <message>
        <source>Add the 7 days before the oldest day shown</source>
        <translation>Add the 7 days before the oldest day shown</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh recordings</source>
        <translation>Refresh recordings</translation>
    </message>
    <message>
        <source>Ask the server again (F5)</source>
        <translation>Ask the server again (F5)</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) since %s</source>
        <translation>
            <numerusform>%n recording since %s</numerusform>
            <numerusform>%n recordings since %s</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading recordings…</source>
        <translation>Loading recordings…</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Download cancelled.</translation>
    </message>
    <message>
        <source>Save the recording as</source>
        <translation>Save the recording as</translation>
    </message>
</context>
<context>
    <name>RemoteControl</name>
    <message>
        <source>Cannot dial “%s”: %s</source>
        <extracomment>How long the normalised number stays on the bar before a link dials (unless confirming). The same number again within this time is one click that launched twice (browsers do).</extracomment>
        <translation>Cannot dial “%s”: %s</translation>
    </message>
    <message>
        <source>Cannot dial: the phone region in Settings is invalid.</source>
        <translation>Cannot dial: the phone region in Settings is invalid.</translation>
    </message>
    <message>
        <source>Nothing to dial: %s.</source>
        <translation>Nothing to dial: %s.</translation>
    </message>
    <message>
        <source>Will dial %s…</source>
        <translation>Will dial %s…</translation>
    </message>
    <message>
        <source>Call from a link</source>
        <translation>Call from a link</translation>
    </message>
    <message>
        <source>Call %s?</source>
        <translation>Call %s?</translation>
    </message>
    <message>
        <source>The link was: %s</source>
        <translation>The link was: %s</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Call</translation>
    </message>
    <message>
        <source>Cannot start a break: you are not logged in.</source>
        <translation>Cannot start a break: you are not logged in.</translation>
    </message>
    <message>
        <source>You are already on a break (%s).</source>
        <translation>You are already on a break (%s).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>There is no break reason “%s”. Known reasons: %s.</source>
        <translation>There is no break reason “%s”. Known reasons: %s.</translation>
    </message>
    <message>
        <source>You are not on a break.</source>
        <translation>You are not on a break.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Demo mode: a simulated server. Press Log in (Ctrl+L).</source>
        <extracomment>Seconds after start-up at which _warm_up runs.</extracomment>
        <translation>Demo mode: a simulated server. Press Log in (Ctrl+L).</translation>
    </message>
    <message>
        <source>This desktop has no system tray: AgentBar works from the bar alone.</source>
        <translation>This desktop has no system tray: AgentBar works from the bar alone.</translation>
    </message>
    <message>
        <source>Links and other launches cannot reach this AgentBar (details in the log).</source>
        <translation>Links and other launches cannot reach this AgentBar (details in the log).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>AgentBar — Settings</source>
        <extracomment>``checker(url, api_key, wire)``, e.g. ``core.connection_check.check_connection`` with a client.</extracomment>
        <translation>AgentBar — Settings</translation>
    </message>
    <message>
        <source>AgentBar settings</source>
        <translation>AgentBar settings</translation>
    </message>
    <message>
        <source>Enter the server URL, agent number and extension to save.</source>
        <translation>Enter the server URL, agent number and extension to save.</translation>
    </message>
    <message>
        <source>Why OK is unavailable</source>
        <translation>Why OK is unavailable</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save the settings and close (Enter)</source>
        <translation>Save the settings and close (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Close without saving (Esc)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>The address of the call-center API, from your administrator</source>
        <translation>The address of the call-center API, from your administrator</translation>
    </message>
    <message>
        <source>Server URL problem</source>
        <translation>Server URL problem</translation>
    </message>
    <message>
        <source>This address uses http://: the API key travels unencrypted. Use https:// if the server supports it.</source>
        <translation>This address uses http://: the API key travels unencrypted. Use https:// if the server supports it.</translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation>Unencrypted connection</translation>
    </message>
    <message>
        <source>&amp;Server URL:</source>
        <translation>&amp;Server URL:</translation>
    </message>
    <message>
        <source>From your administrator</source>
        <translation>From your administrator</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>S&amp;how</translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation>Show API key</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>Show or hide the key</translation>
    </message>
    <message>
        <source>The key that lets AgentBar use the server; kept in the system keyring</source>
        <translation>The key that lets AgentBar use the server; kept in the system keyring</translation>
    </message>
    <message>
        <source>API key storage problem</source>
        <translation>API key storage problem</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;key:</translation>
    </message>
    <message>
        <source>Agent number problem</source>
        <translation>Agent number problem</translation>
    </message>
    <message>
        <source>Your agent number (2–6 digits)</source>
        <translation>Your agent number (2–6 digits)</translation>
    </message>
    <message>
        <source>&amp;Agent number:</source>
        <translation>&amp;Agent number:</translation>
    </message>
    <message>
        <source>The extension of your phone, which rings first when you dial (2–6 digits)</source>
        <translation>The extension of your phone, which rings first when you dial (2–6 digits)</translation>
    </message>
    <message>
        <source>Extension problem</source>
        <translation>Extension problem</translation>
    </message>
    <message>
        <source>E&amp;xtension:</source>
        <translation>E&amp;xtension:</translation>
    </message>
    <message>
        <source>The reply format the server speaks; JSON unless told otherwise</source>
        <translation>The reply format the server speaks; JSON unless told otherwise</translation>
    </message>
    <message>
        <source>&amp;Wire format:</source>
        <translation>&amp;Wire format:</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> s</translation>
    </message>
    <message>
        <source>How often AgentBar asks the server about your calls while you are ready, in seconds. On a break it asks 5 times less often, during a call twice as often (at most once a second), logged out not at all.</source>
        <translation>How often AgentBar asks the server about your calls while you are ready, in seconds. On a break it asks 5 times less often, during a call twice as often (at most once a second), logged out not at all.</translation>
    </message>
    <message>
        <source>&amp;Poll interval:</source>
        <translation>&amp;Poll interval:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Ask the server for its break reasons with this address, key and format</source>
        <translation>Ask the server for its break reasons with this address, key and format</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Connection test result</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>Dialling</translation>
    </message>
    <message>
        <source>The country whose numbers can be typed without +country code</source>
        <translation>The country whose numbers can be typed without +country code</translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation>Default &amp;region:</translation>
    </message>
    <message>
        <source>National, with 0</source>
        <translation>National, with 0</translation>
    </message>
    <message>
        <source>International, with +</source>
        <translation>International, with +</translation>
    </message>
    <message>
        <source>How numbers are written when AgentBar asks the phone system to dial</source>
        <translation>How numbers are written when AgentBar asks the phone system to dial</translation>
    </message>
    <message>
        <source>&amp;Dial format:</source>
        <translation>&amp;Dial format:</translation>
    </message>
    <message>
        <source>&amp;Confirm before dialling a link</source>
        <translation>&amp;Confirm before dialling a link</translation>
    </message>
    <message>
        <source>Ask before calling a number clicked in a browser or another program</source>
        <translation>Ask before calling a number clicked in a browser or another program</translation>
    </message>
    <message>
        <source>Confirm before dialling links</source>
        <translation>Confirm before dialling links</translation>
    </message>
    <message>
        <source>Opened in the browser when a call arrives; {phone} becomes the number</source>
        <translation>Opened in the browser when a call arrives; {phone} becomes the number</translation>
    </message>
    <message>
        <source>Screen-pop problem</source>
        <translation>Screen-pop problem</translation>
    </message>
    <message>
        <source>Screen-pop &amp;URL:</source>
        <translation>Screen-pop &amp;URL:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Show &amp;notifications</source>
        <translation>Show &amp;notifications</translation>
    </message>
    <message>
        <source>Desktop notifications for incoming calls and problems</source>
        <translation>Desktop notifications for incoming calls and problems</translation>
    </message>
    <message>
        <source>Show notifications</source>
        <translation>Show notifications</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Türkçe</source>
        <comment>the language's own name; keep as is</comment>
        <translation>Türkçe</translation>
    </message>
    <message>
        <source>English</source>
        <comment>the language's own name; keep as is</comment>
        <translation>English</translation>
    </message>
    <message>
        <source>The language of AgentBar; System default follows the operating system</source>
        <translation>The language of AgentBar; System default follows the operating system</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>2–6 digits</source>
        <translation>2–6 digits</translation>
    </message>
    <message>
        <source>The agent number must be 2 to 6 digits.</source>
        <translation>The agent number must be 2 to 6 digits.</translation>
    </message>
    <message>
        <source>The extension must be 2 to 6 digits.</source>
        <translation>The extension must be 2 to 6 digits.</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the server answered and lists %n break reason(s).</source>
        <translation>
            <numerusform>Connected: the server answered and lists %n break reason.</numerusform>
            <numerusform>Connected: the server answered and lists %n break reasons.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the server address, for example https://pbx.example.com.</source>
        <extracomment>Offered first, in this order; every other region phonenumbers knows follows, A to Z.</extracomment>
        <translation>Enter the server address, for example https://pbx.example.com.</translation>
    </message>
    <message>
        <source>The server address must not contain spaces.</source>
        <translation>The server address must not contain spaces.</translation>
    </message>
    <message>
        <source>The server address must start with https:// or http://.</source>
        <translation>The server address must start with https:// or http://.</translation>
    </message>
    <message>
        <source>The server address has no host name.</source>
        <translation>The server address has no host name.</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the server address.</source>
        <translation>Do not put a user name or password in the server address.</translation>
    </message>
    <message>
        <source>The server address must not contain '?' or '#'.</source>
        <translation>The server address must not contain '?' or '#'.</translation>
    </message>
    <message>
        <source>The server address is not valid (check the host name and port).</source>
        <translation>The server address is not valid (check the host name and port).</translation>
    </message>
    <message>
        <source>The screen-pop URL must contain {phone}, where the number goes.</source>
        <translation>The screen-pop URL must contain {phone}, where the number goes.</translation>
    </message>
    <message>
        <source>The screen-pop URL must start with https:// or http://.</source>
        <translation>The screen-pop URL must start with https:// or http://.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Hide</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Enter the API key first.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <source>The connection test failed unexpectedly (%1).</source>
        <translation>The connection test failed unexpectedly (%1).</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <source>Ser&amp;ver and dialling</source>
        <translation>Ser&amp;ver and dialling</translation>
    </message>
    <message>
        <source>&amp;General and desktop</source>
        <translation>&amp;General and desktop</translation>
    </message>
    <message>
        <source> MB</source>
        <comment>megabytes</comment>
        <translation> MB</translation>
    </message>
    <message>
        <source>Only the recording playing</source>
        <translation>Only the recording playing</translation>
    </message>
    <message>
        <source>Disk space for downloaded recordings; the oldest are removed beyond it</source>
        <translation>Disk space for downloaded recordings; the oldest are removed beyond it</translation>
    </message>
    <message>
        <source>Recordings cache li&amp;mit:</source>
        <translation>Recordings cache li&amp;mit:</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>unknown number</source>
        <translation>unknown number</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Incoming call</translation>
    </message>
    <message>
        <source>Quit AgentBar</source>
        <translation>Quit AgentBar</translation>
    </message>
    <message>
        <source>You are on a break. End the break and log out before quitting?</source>
        <translation>You are on a break. End the break and log out before quitting?</translation>
    </message>
    <message>
        <source>You are logged in. Log out before quitting?</source>
        <translation>You are logged in. Log out before quitting?</translation>
    </message>
    <message>
        <source>&amp;Log out and quit</source>
        <translation>&amp;Log out and quit</translation>
    </message>
    <message>
        <source>&amp;Quit, stay logged in</source>
        <translation>&amp;Quit, stay logged in</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>AgentBar — recordings, history, queues</source>
        <translation>AgentBar — recordings, history, queues</translation>
    </message>
    <message>
        <source>AgentBar side panel</source>
        <translation>AgentBar side panel</translation>
    </message>
    <message>
        <source>Panel sections</source>
        <translation>Panel sections</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Recordings</translation>
    </message>
    <message>
        <source>Your recorded calls (Ctrl+1)</source>
        <translation>Your recorded calls (Ctrl+1)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Your recent calls and today (Ctrl+2)</source>
        <translation>Your recent calls and today (Ctrl+2)</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>Join or leave queues (Ctrl+3)</source>
        <translation>Join or leave queues (Ctrl+3)</translation>
    </message>
    <message>
        <source>Panel message</source>
        <translation>Panel message</translation>
    </message>
    <message>
        <source>That recording is not in the list; try “Load older”.</source>
        <translation>That recording is not in the list; try “Load older”.</translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <source>Agent status</source>
        <translation>Agent status</translation>
    </message>
    <message>
        <source>↻ %d s</source>
        <comment>retrying in</comment>
        <translation>↻ %d s</translation>
    </message>
    <message>
        <source>Break %s</source>
        <translation>Break %s</translation>
    </message>
    <message>
        <source>Key refused</source>
        <translation>Key refused</translation>
    </message>
    <message>
        <source>unknown number</source>
        <translation>unknown number</translation>
    </message>
    <message>
        <source>(over %d min)</source>
        <translation>(over %d min)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>On break</source>
        <translation>On break</translation>
    </message>
    <message>
        <source>On a call</source>
        <translation>On a call</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>Toolbar</name>
    <message>
        <source>AgentBar toolbar</source>
        <translation>AgentBar toolbar</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Log in or out of the call center</source>
        <translation>Log in or out of the call center</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Start a break (choose a reason) or end it</source>
        <translation>Start a break (choose a reason) or end it</translation>
    </message>
    <message>
        <source>Break reasons</source>
        <translation>Break reasons</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Call the number in the field</source>
        <translation>Call the number in the field</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Blind-transfer the call to an extension</source>
        <translation>Blind-transfer the call to an extension</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>End the current call</source>
        <translation>End the current call</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Recordings, history and queues</source>
        <translation>Recordings, history and queues</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Settings, about and quit (Alt+M)</source>
        <translation>Settings, about and quit (Alt+M)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Last message</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>End break</source>
        <translation>End break</translation>
    </message>
    <message>
        <source>No break reasons yet (server offline?)</source>
        <translation>No break reasons yet (server offline?)</translation>
    </message>
    <message>
        <source>Server unreachable: %s</source>
        <translation>Server unreachable: %s</translation>
    </message>
</context>
<context>
    <name>TransferMenu</name>
    <message>
        <source>Transfer targets</source>
        <translation>Transfer targets</translation>
    </message>
    <message>
        <source>Extension, then Enter</source>
        <translation>Extension, then Enter</translation>
    </message>
    <message>
        <source>Transfer target</source>
        <translation>Transfer target</translation>
    </message>
    <message>
        <source>The extension to transfer the call to</source>
        <translation>The extension to transfer the call to</translation>
    </message>
    <message>
        <source>Transfer to %s</source>
        <translation>Transfer to %s</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>the clipboard is empty</source>
        <translation>the clipboard is empty</translation>
    </message>
    <message>
        <source>no number in the clipboard: %s</source>
        <translation>no number in the clipboard: %s</translation>
    </message>
    <message>
        <source>the phone region setting is invalid</source>
        <translation>the phone region setting is invalid</translation>
    </message>
    <message>
        <source>AgentBar menu</source>
        <translation>AgentBar menu</translation>
    </message>
    <message>
        <source>&amp;Break</source>
        <translation>&amp;Break</translation>
    </message>
    <message>
        <source>Offline, retrying in %d s</source>
        <translation>Offline, retrying in %d s</translation>
    </message>
    <message>
        <source>break %s</source>
        <translation>break %s</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>On a call: %s · %s</source>
        <translation>On a call: %s · %s</translation>
    </message>
    <message>
        <source>On break: %s · %s</source>
        <translation>On break: %s · %s</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Logged out</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>Log &amp;in</source>
        <translation>Log &amp;in</translation>
    </message>
    <message>
        <source>&amp;End break (%s)</source>
        <translation>&amp;End break (%s)</translation>
    </message>
    <message>
        <source>&amp;Dial clipboard number: %s</source>
        <translation>&amp;Dial clipboard number: %s</translation>
    </message>
    <message>
        <source>Dial %s</source>
        <translation>Dial %s</translation>
    </message>
    <message>
        <source>Dial clipboard number (%s)</source>
        <translation>Dial clipboard number (%s)</translation>
    </message>
    <message>
        <source>&amp;Hide toolbar</source>
        <translation>&amp;Hide toolbar</translation>
    </message>
    <message>
        <source>&amp;Show toolbar</source>
        <translation>&amp;Show toolbar</translation>
    </message>
    <message>
        <source>&amp;Recordings…</source>
        <translation>&amp;Recordings…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Break (log in first)</source>
        <translation>&amp;Break (log in first)</translation>
    </message>
    <message>
        <source>No break reasons yet (server offline?)</source>
        <translation>No break reasons yet (server offline?)</translation>
    </message>
</context>
<context>
    <name>agent_state</name>
    <message>
        <source>Could not read the saved agent state.</source>
        <translation>Could not read the saved agent state.</translation>
    </message>
    <message>
        <source>The saved agent state was damaged and has been reset.</source>
        <translation>The saved agent state was damaged and has been reset.</translation>
    </message>
</context>
<context>
    <name>api</name>
    <message>
        <source>The server did not answer in time.</source>
        <extracomment>The whole exchange of one API request (not a download) must end within this many seconds. Replies longer than this are decoded in a worker thread, not on the event loop.</extracomment>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>The server URL is not usable.</source>
        <translation>The server URL is not usable.</translation>
    </message>
    <message>
        <source>The server's TLS certificate could not be verified.</source>
        <translation>The server's TLS certificate could not be verified.</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to the server failed.</source>
        <translation>A secure (TLS) connection to the server failed.</translation>
    </message>
    <message>
        <source>Cannot connect to the server.</source>
        <translation>Cannot connect to the server.</translation>
    </message>
    <message>
        <source>The connection to the server broke off.</source>
        <translation>The connection to the server broke off.</translation>
    </message>
    <message>
        <source>The recording download was cut short.</source>
        <translation>The recording download was cut short.</translation>
    </message>
    <message>
        <source>The recording is too large.</source>
        <translation>The recording is too large.</translation>
    </message>
    <message>
        <source>The server sent something that is not a recording.</source>
        <translation>The server sent something that is not a recording.</translation>
    </message>
    <message>
        <source>The server failed with a PHP error.</source>
        <translation>The server failed with a PHP error.</translation>
    </message>
    <message>
        <source>The server sent an empty reply.</source>
        <translation>The server sent an empty reply.</translation>
    </message>
    <message>
        <source>The server's reply is neither XML nor JSON.</source>
        <translation>The server's reply is neither XML nor JSON.</translation>
    </message>
    <message>
        <source>The server's JSON reply is not valid UTF-8.</source>
        <translation>The server's JSON reply is not valid UTF-8.</translation>
    </message>
    <message>
        <source>The server's JSON reply is nested too deeply.</source>
        <translation>The server's JSON reply is nested too deeply.</translation>
    </message>
    <message>
        <source>The server's JSON reply is malformed or cut short.</source>
        <translation>The server's JSON reply is malformed or cut short.</translation>
    </message>
    <message>
        <source>The server's XML reply was refused as unsafe.</source>
        <translation>The server's XML reply was refused as unsafe.</translation>
    </message>
    <message>
        <source>The server's XML reply is malformed or cut short.</source>
        <translation>The server's XML reply is malformed or cut short.</translation>
    </message>
    <message>
        <source>The server's XML reply is nested too deeply.</source>
        <translation>The server's XML reply is nested too deeply.</translation>
    </message>
    <message>
        <source>The server sent a web page instead of API data.</source>
        <translation>The server sent a web page instead of API data.</translation>
    </message>
    <message>
        <source>Check that the server URL is the API's address (…/api/) and not a login page.</source>
        <translation>Check that the server URL is the API's address (…/api/) and not a login page.</translation>
    </message>
    <message>
        <source>Check the server URL.</source>
        <translation>Check the server URL.</translation>
    </message>
    <message>
        <source>The server refused the API key.</source>
        <translation>The server refused the API key.</translation>
    </message>
    <message>
        <source>The API was not found at this address.</source>
        <translation>The API was not found at this address.</translation>
    </message>
    <message>
        <source>The server redirected the request; redirects are not followed so that the API key never reaches another address.</source>
        <translation>The server redirected the request; redirects are not followed so that the API key never reaches another address.</translation>
    </message>
    <message>
        <source>The server failed.</source>
        <translation>The server failed.</translation>
    </message>
    <message>
        <source>The server's reply has no result field.</source>
        <translation>The server's reply has no result field.</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <source>The server refused the API key</source>
        <translation>The server refused the API key</translation>
    </message>
    <message>
        <source>Cannot reach the server</source>
        <translation>Cannot reach the server</translation>
    </message>
    <message>
        <source>The server's reply is not the call-center API</source>
        <translation>The server's reply is not the call-center API</translation>
    </message>
    <message>
        <source>The server answered with an error</source>
        <translation>The server answered with an error</translation>
    </message>
    <message>
        <source>Connected: the server answered, but lists no break reasons.</source>
        <extracomment>How many break reasons the server listed (on success): the UI words it itself.</extracomment>
        <translation>Connected: the server answered, but lists no break reasons.</translation>
    </message>
    <message>
        <source>The test failed</source>
        <translation>The test failed</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <source>No system keyring is available (no Secret Service / D-Bus session).</source>
        <extracomment>Environment variable with an API key for automation; read, never persisted.</extracomment>
        <translation>No system keyring is available (no Secret Service / D-Bus session).</translation>
    </message>
    <message>
        <source>The API key will be kept in memory for this session only.</source>
        <translation>The API key will be kept in memory for this session only.</translation>
    </message>
    <message>
        <source>Install and unlock a keyring such as GNOME Keyring or KWallet, or set AGENTBAR_API_KEY.</source>
        <translation>Install and unlock a keyring such as GNOME Keyring or KWallet, or set AGENTBAR_API_KEY.</translation>
    </message>
    <message>
        <source>The saved API key could not be read.</source>
        <translation>The saved API key could not be read.</translation>
    </message>
    <message>
        <source>The API key was not saved.</source>
        <translation>The API key was not saved.</translation>
    </message>
    <message>
        <source>The saved API key could not be removed.</source>
        <translation>The saved API key could not be removed.</translation>
    </message>
    <message>
        <source>The system keyring is locked.</source>
        <translation>The system keyring is locked.</translation>
    </message>
    <message>
        <source>Unlock it and try again.</source>
        <translation>Unlock it and try again.</translation>
    </message>
    <message>
        <source>Check that the keyring is running and unlocked, then try again.</source>
        <translation>Check that the keyring is running and unlocked, then try again.</translation>
    </message>
</context>
<context>
    <name>phone</name>
    <message>
        <source>empty</source>
        <extracomment>Longest plain number text accepted (after trimming surrounding whitespace). Longest link accepted; the number inside it is then held to MAX_INPUT_LENGTH. Characters removed as visual grouping: the spec's space, NBSP, - . ( ) / plus the narrow no-break space, thin space, non-breaking hyphen and en dash that word processors and mail signatures substitute for them. None of them can reach the API. Link schemes we dial, lower case.</extracomment>
        <translation>empty</translation>
    </message>
    <message>
        <source>not a tel:, callto:, sip: or sips: link</source>
        <translation>not a tel:, callto:, sip: or sips: link</translation>
    </message>
    <message>
        <source>unsupported URI scheme {scheme}</source>
        <translation>unsupported URI scheme {scheme}</translation>
    </message>
    <message>
        <source>cannot be written as a dialable number</source>
        <translation>cannot be written as a dialable number</translation>
    </message>
    <message>
        <source>{text} is not a phone number</source>
        <translation>{text} is not a phone number</translation>
    </message>
    <message>
        <source>contains characters not allowed in a phone number: {chars}</source>
        <translation>contains characters not allowed in a phone number: {chars}</translation>
    </message>
    <message>
        <source>contains letters (letters are not converted to digits)</source>
        <translation>contains letters (letters are not converted to digits)</translation>
    </message>
    <message>
        <source>contains no digits</source>
        <translation>contains no digits</translation>
    </message>
    <message>
        <source>'+' is only allowed once, at the start</source>
        <translation>'+' is only allowed once, at the start</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>too short</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>not a phone number</translation>
    </message>
    <message>
        <source>unknown country code +{cc}</source>
        <translation>unknown country code +{cc}</translation>
    </message>
    <message>
        <source>missing the area code</source>
        <translation>missing the area code</translation>
    </message>
    <message>
        <source>not a valid number for region {region}</source>
        <translation>not a valid number for region {region}</translation>
    </message>
    <message>
        <source>not a valid number for country code +{cc}</source>
        <translation>not a valid number for country code +{cc}</translation>
    </message>
    <message>
        <source>unknown country code</source>
        <translation>unknown country code</translation>
    </message>
    <message>
        <source>too short after the international prefix</source>
        <translation>too short after the international prefix</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>too long</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>longer than {limit} characters</translation>
    </message>
    <message>
        <source>too short for region {region}</source>
        <translation>too short for region {region}</translation>
    </message>
    <message>
        <source>too short for country code +{cc}</source>
        <translation>too short for country code +{cc}</translation>
    </message>
    <message>
        <source>too long for region {region}</source>
        <translation>too long for region {region}</translation>
    </message>
    <message>
        <source>too long for country code +{cc}</source>
        <translation>too long for country code +{cc}</translation>
    </message>
    <message>
        <source>wrong number of digits for region {region}</source>
        <translation>wrong number of digits for region {region}</translation>
    </message>
    <message>
        <source>wrong number of digits for country code +{cc}</source>
        <translation>wrong number of digits for country code +{cc}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Your settings file was damaged, so AgentBar started with default settings.</source>
        <extracomment>What ``recordings_cache_mb`` accepts; 0 keeps only the recording that is playing. Break id -&gt; allowed minutes. Template with ``{phone}``, opened in the browser when a call arrives. Screen name -&gt; (x, y) of the toolbar on that screen. Human-readable notes about ignored values or a damaged file; never contain secrets. True when the user's settings file did not exist.</extracomment>
        <translation>Your settings file was damaged, so AgentBar started with default settings.</translation>
    </message>
    <message>
        <source>Your settings file could not be read, so AgentBar started with defaults.</source>
        <translation>Your settings file could not be read, so AgentBar started with defaults.</translation>
    </message>
</context>
</TS>
