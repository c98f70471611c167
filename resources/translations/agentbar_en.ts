<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgentSession</name>
    <message>
        <source>The server refused the API key: %s</source>
        <extracomment>The whole technical text (English, for the log): the library's words included. When to poll, by the agent's activity (core/polling.py); a test or the fleet bench passes one with a seeded random generator. Set once the first poll has been answered or has failed (at start when logged out: there is none), so start-up can put first contact before its other work.</extracomment>
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
    <message>
        <source>Changing the break reason</source>
        <translation>Changing the break reason</translation>
    </message>
    <message>
        <source>Log in to dial.</source>
        <translation>Log in to dial.</translation>
    </message>
</context>
<context>
    <name>AppWindows</name>
    <message>
        <source>unknown number</source>
        <extracomment>Keys that are never shown in the dialog nor stored: IT's key command and the machine's store.</extracomment>
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
    <message numerus="yes">
        <source>Diagnostics copied: version, settings without secrets and the last %n log line(s). Paste them into your message to IT.</source>
        <translation>
            <numerusform>Diagnostics copied: version, settings without secrets and the last %n log line. Paste them into your message to IT.</numerusform>
            <numerusform>Diagnostics copied: version, settings without secrets and the last %n log lines. Paste them into your message to IT.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open the log folder: %s</source>
        <translation>Could not open the log folder: %s</translation>
    </message>
    <message>
        <source>You are on a call; quitting does not end it, but the bar stops showing it. Log out before quitting?</source>
        <translation>You are on a call; quitting does not end it, but the bar stops showing it. Log out before quitting?</translation>
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
    <name>BreakBudgets</name>
    <message>
        <source>Break budgets</source>
        <translation>Break budgets</translation>
    </message>
    <message>
        <source>The bar turns amber near a reason's budget and red past it. 0 means no budget. Your administrator may have set defaults.</source>
        <translation>The bar turns amber near a reason's budget and red past it. 0 means no budget. Your administrator may have set defaults.</translation>
    </message>
    <message>
        <source>No break reasons yet: log in once to load them.</source>
        <translation>No break reasons yet: log in once to load them.</translation>
    </message>
    <message>
        <source> min</source>
        <comment>minutes</comment>
        <translation> min</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>No budget</translation>
    </message>
    <message>
        <source>Minutes allowed for “%s” breaks (0: no budget)</source>
        <translation>Minutes allowed for “%s” breaks (0: no budget)</translation>
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
    <message>
        <source>The text holds %d numbers: Enter lets you choose one</source>
        <translation>The text holds %d numbers: Enter lets you choose one</translation>
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
    <message>
        <source>Your numbers for %s</source>
        <translation>Your numbers for %s</translation>
    </message>
    <message>
        <source>&amp;To the dial field</source>
        <translation>&amp;To the dial field</translation>
    </message>
</context>
<context>
    <name>LastingNotes</name>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
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
    <message>
        <source>You were already in queue %s.</source>
        <translation>You were already in queue %s.</translation>
    </message>
    <message>
        <source>You were not in queue %s.</source>
        <translation>You were not in queue %s.</translation>
    </message>
    <message>
        <source>The server answered “%s”, but queue %s could not be checked.</source>
        <translation>The server answered “%s”, but queue %s could not be checked.</translation>
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
    <message>
        <source>No sound device: the recording plays without sound.</source>
        <translation>No sound device: the recording plays without sound.</translation>
    </message>
    <message>
        <source>No sound device</source>
        <translation>No sound device</translation>
    </message>
    <message>
        <source>This computer reports no audio output; connect a headset or speakers.</source>
        <translation>This computer reports no audio output; connect a headset or speakers.</translation>
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
        <extracomment>How long the normalised number stays on the bar before a link dials (unless confirming). The same number again within this time is one click that launched twice (browsers do). Another link within this time of the last one is a burst: it is asked about, never queued.</extracomment>
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
    <message>
        <source>Did not dial %s: another link is waiting for your answer.</source>
        <translation>Did not dial %s: another link is waiting for your answer.</translation>
    </message>
    <message>
        <source>This link asks to call %s.</source>
        <translation>This link asks to call %s.</translation>
    </message>
    <message>
        <source>Several links arrived within a few seconds.</source>
        <translation>Several links arrived within a few seconds.</translation>
    </message>
    <message>
        <source>The one before was not dialled.</source>
        <translation>The one before was not dialled.</translation>
    </message>
    <message>
        <source>Log in to dial.</source>
        <translation>Log in to dial.</translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation>You are not logged in.</translation>
    </message>
    <message>
        <source>The server did not confirm it.</source>
        <translation>The server did not confirm it.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Demo mode: a simulated server. Press Log in (Ctrl+L).</source>
        <extracomment>Seconds after start-up at which _warm_up runs. The longest the tray and the link server wait for the first poll's answer. Worker threads for disk, keyring and decoding work (made when first needed). How long --screenshot lets the windows settle before it grabs them. Where ``key`` came from (the settings dialog and --self-test say so, never the key). ``call-active`` while a call is shown, for an upgrading installer (``agentbar --busy``).</extracomment>
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
    <message>
        <source>Links and other launches cannot reach this AgentBar: its socket folder is not private to you (details in the log).</source>
        <translation>Links and other launches cannot reach this AgentBar: its socket folder is not private to you (details in the log).</translation>
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
        <source>Settings set by your administrator</source>
        <translation>Settings set by your administrator</translation>
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
        <source>The API key in use comes from the AGENTBAR_API_KEY environment variable.</source>
        <translation>The API key in use comes from the AGENTBAR_API_KEY environment variable.</translation>
    </message>
    <message>
        <source>The API key in use is kept in this computer's keyring.</source>
        <translation>The API key in use is kept in this computer's keyring.</translation>
    </message>
    <message>
        <source>Where the API key comes from</source>
        <translation>Where the API key comes from</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Set by your administrator</translation>
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
        <source>The API key in use comes from your administrator's key command (api_key_command); it is not saved.</source>
        <translation>The API key in use comes from your administrator's key command (api_key_command); it is not saved.</translation>
    </message>
    <message>
        <source>The API key in use was installed on this computer by your administrator; it is not saved.</source>
        <translation>The API key in use was installed on this computer by your administrator; it is not saved.</translation>
    </message>
    <message>
        <source>Type a key here only to use your own.</source>
        <translation>Type a key here only to use your own.</translation>
    </message>
    <message>
        <source>(locked)</source>
        <translation>(locked)</translation>
    </message>
    <message>
        <source>Settings marked (locked) are set by your administrator and cannot be changed.</source>
        <translation>Settings marked (locked) are set by your administrator and cannot be changed.</translation>
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
    <message>
        <source>Ask before calling a &amp;foreign number from a link</source>
        <translation>Ask before calling a &amp;foreign number from a link</translation>
    </message>
    <message>
        <source>Emergency, short service and premium-rate numbers from a link are always asked about</source>
        <translation>Emergency, short service and premium-rate numbers from a link are always asked about</translation>
    </message>
    <message>
        <source>Ask before calling a foreign number from a link</source>
        <translation>Ask before calling a foreign number from a link</translation>
    </message>
    <message>
        <source> digits</source>
        <translation> digits</translation>
    </message>
    <message>
        <source>A short number in a link is dialled only with this many digits</source>
        <translation>A short number in a link is dialled only with this many digits</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Extensions in links:</source>
        <translation>&amp;Extensions in links:</translation>
    </message>
    <message>
        <source>Shortest extension dialled from a link</source>
        <translation>Shortest extension dialled from a link</translation>
    </message>
    <message>
        <source>Longest extension dialled from a link</source>
        <translation>Longest extension dialled from a link</translation>
    </message>
    <message>
        <source>&amp;Breaks</source>
        <translation>&amp;Breaks</translation>
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
        <source>unknown number</source>
        <translation>unknown number</translation>
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
    <message>
        <source>API key refused</source>
        <translation>API key refused</translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation>Ringing…</translation>
    </message>
    <message>
        <source>%d min</source>
        <comment>break budget</comment>
        <translation>%d min</translation>
    </message>
    <message>
        <source>Nearly at the break budget (%s).</source>
        <translation>Nearly at the break budget (%s).</translation>
    </message>
    <message>
        <source>Over the break budget (%s).</source>
        <translation>Over the break budget (%s).</translation>
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
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copy &amp;diagnostics</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>Unencrypted connection (http://): the API key travels in clear text.</source>
        <translation>Unencrypted connection (http://): the API key travels in clear text.</translation>
    </message>
    <message>
        <source>Start a break or change its reason; on a break the button ends it</source>
        <translation>Start a break or change its reason; on a break the button ends it</translation>
    </message>
    <message>
        <source>Choose the number to dial</source>
        <translation>Choose the number to dial</translation>
    </message>
    <message>
        <source>Enter the API &amp;key…</source>
        <translation>Enter the API &amp;key…</translation>
    </message>
    <message>
        <source>Enter the API key</source>
        <translation>Enter the API key</translation>
    </message>
    <message>
        <source>Open Settings at the API key field</source>
        <translation>Open Settings at the API key field</translation>
    </message>
    <message>
        <source>&amp;End break</source>
        <translation>&amp;End break</translation>
    </message>
    <message>
        <source>The server refused the API key.</source>
        <translation>The server refused the API key.</translation>
    </message>
    <message>
        <source>You are on a call. Log out anyway?</source>
        <translation>You are on a call. Log out anyway?</translation>
    </message>
    <message>
        <source>You are on a break. End the break and log out?</source>
        <translation>You are on a break. End the break and log out?</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Stay</translation>
    </message>
    <message>
        <source>Call %s</source>
        <translation>Call %s</translation>
    </message>
    <message>
        <source>The text holds several numbers: which one?</source>
        <translation>The text holds several numbers: which one?</translation>
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
        <extracomment>Log out as the bar does: asks first during a break or a call.</extracomment>
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
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copy &amp;diagnostics</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation>Ringing…</translation>
    </message>
    <message>
        <source>Log in to dial.</source>
        <translation>Log in to dial.</translation>
    </message>
    <message>
        <source>Choose one of them</source>
        <translation>Choose one of them</translation>
    </message>
    <message>
        <source>&amp;Dial a clipboard number (%d found)…</source>
        <translation>&amp;Dial a clipboard number (%d found)…</translation>
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
    <name>UpdateRestart</name>
    <message>
        <source>AgentBar was updated. It restarts by itself when no call is active.</source>
        <translation>AgentBar was updated. It restarts by itself when no call is active.</translation>
    </message>
</context>
<context>
    <name>api</name>
    <message>
        <source>The server did not answer in time.</source>
        <extracomment>A download's overall deadline: this many seconds, plus one second per DOWNLOAD_MIN_RATE bytes received. httpx's read timeout is per read, so a server dripping a byte a second would otherwise keep a download alive forever; a link slower than the rate (8 KB/s, about six times the bit rate of a GSM recording) is given up on as well. The whole exchange of one API request (not a download) must end within this many seconds. Replies longer than this are decoded in a worker thread, not on the event loop (the same length from which wire decodes JSON in pieces, for that thread's sake). API requests of one Transport in flight at once; more wait their turn (the deadline starts when a request's turn comes). A burst of 100 calls then reaches httpx a few at a time: the event loop runs the set-up of all of them in one go otherwise, a long stall of the GUI (bench/responsiveness.py). Downloads do not count.</extracomment>
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
        <extracomment>JSON replies this long (characters) are decoded in pieces (see json_pieces); the transport decodes replies this long (bytes) in a worker thread, where one json.loads would hold the GIL throughout. XML replies are fed to the parser this many bytes at a time, for the same reason. The most of a reply's start that the PHP-notice pattern may read: a real notice is a few hundred bytes; a reply of megabytes must not be scanned by a pattern at all. The most of a web page searched for its ``&lt;title&gt;`` or ``&lt;h1&gt;`` (linear scans only). The most text the HTML cleaner ever sees: a message needs a few hundred characters, and the cleaner's work then has a bound whatever a server sends (issue 15: no super-linear pattern on server bytes, nothing long on the GUI thread). The longest server message kept in an error (the rest is cut, with an ellipsis).</extracomment>
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
    <message>
        <source>The recording download was too slow and was stopped.</source>
        <translation>The recording download was too slow and was stopped.</translation>
    </message>
    <message>
        <source>The server URL is not a valid address.</source>
        <translation>The server URL is not a valid address.</translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https:// and name a host.</source>
        <translation>The server URL must start with http:// or https:// and name a host.</translation>
    </message>
    <message>
        <source>The server's reply is larger than 8 MB.</source>
        <translation>The server's reply is larger than 8 MB.</translation>
    </message>
    <message>
        <source>The server sent an unexpected structure.</source>
        <translation>The server sent an unexpected structure.</translation>
    </message>
    <message>
        <source>The server's result field is not true or false.</source>
        <translation>The server's result field is not true or false.</translation>
    </message>
    <message>
        <source>The server refused the request without a reason.</source>
        <translation>The server refused the request without a reason.</translation>
    </message>
    <message>
        <source>The server sent a list item that is not a record.</source>
        <translation>The server sent a list item that is not a record.</translation>
    </message>
    <message>
        <source>The server sent a bare list where an envelope was expected.</source>
        <translation>The server sent a bare list where an envelope was expected.</translation>
    </message>
    <message>
        <source>The server's reply is not an object.</source>
        <translation>The server's reply is not an object.</translation>
    </message>
    <message>
        <source>The server's reply is not a list of records.</source>
        <extracomment>Longer record lists are turned into models in a worker thread, not on the event loop.</extracomment>
        <translation>The server's reply is not a list of records.</translation>
    </message>
    <message>
        <source>The server's reply is not a message.</source>
        <translation>The server's reply is not a message.</translation>
    </message>
    <message>
        <source>The server's agent list is malformed.</source>
        <translation>The server's agent list is malformed.</translation>
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
        <extracomment>How many break reasons the server listed (on success): the UI words it itself. On failure: what happened (a marked sentence without its full stop) and the error itself (redacted), so the UI can word both in one language.</extracomment>
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
        <extracomment>The service of the dummy entry ``keyring_round_trip`` stores and deletes again.</extracomment>
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
    <name>keys</name>
    <message>
        <source>The API key command is empty.</source>
        <translation>The API key command is empty.</translation>
    </message>
    <message>
        <source>The API key command was not found.</source>
        <translation>The API key command was not found.</translation>
    </message>
    <message>
        <source>The API key command did not finish in time.</source>
        <translation>The API key command did not finish in time.</translation>
    </message>
    <message>
        <source>The API key command could not be started.</source>
        <translation>The API key command could not be started.</translation>
    </message>
    <message>
        <source>The API key command failed.</source>
        <translation>The API key command failed.</translation>
    </message>
    <message>
        <source>The API key command printed no key.</source>
        <translation>The API key command printed no key.</translation>
    </message>
    <message>
        <source>The API key installed for this computer could not be read.</source>
        <translation>The API key installed for this computer could not be read.</translation>
    </message>
    <message>
        <source>The API key installed for this computer could not be decrypted on it.</source>
        <translation>The API key installed for this computer could not be decrypted on it.</translation>
    </message>
    <message>
        <source>The API key installed for this computer is empty.</source>
        <translation>The API key installed for this computer is empty.</translation>
    </message>
    <message>
        <source>The System keychain could not be read.</source>
        <translation>The System keychain could not be read.</translation>
    </message>
    <message>
        <source>The System keychain refused to give the API key.</source>
        <translation>The System keychain refused to give the API key.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Server: “%s”</source>
        <translation>Server: “%s”</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>The server refused the request.</translation>
    </message>
    <message>
        <source>AgentBar found a problem with its settings or saved data.</source>
        <translation>AgentBar found a problem with its settings or saved data.</translation>
    </message>
    <message>
        <source>The details are in the log (menu: Open log folder).</source>
        <translation>The details are in the log (menu: Open log folder).</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>the file or folder does not exist</source>
        <translation>the file or folder does not exist</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>the file exists already</source>
        <translation>the file exists already</translation>
    </message>
    <message>
        <source>that is a folder</source>
        <translation>that is a folder</translation>
    </message>
    <message>
        <source>a disk error (details in the log)</source>
        <translation>a disk error (details in the log)</translation>
    </message>
</context>
<context>
    <name>phone</name>
    <message>
        <source>empty</source>
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
    <message>
        <source>an emergency number</source>
        <translation>an emergency number</translation>
    </message>
    <message>
        <source>a short service number</source>
        <translation>a short service number</translation>
    </message>
    <message>
        <source>not an extension of this site ({low} to {high} digits)</source>
        <translation>not an extension of this site ({low} to {high} digits)</translation>
    </message>
    <message>
        <source>a premium-rate number</source>
        <translation>a premium-rate number</translation>
    </message>
    <message>
        <source>an international number</source>
        <translation>an international number</translation>
    </message>
    <message>
        <source>the text holds {count} numbers</source>
        <extracomment>Longest plain number text accepted (after trimming surrounding whitespace). Longest link accepted; the number inside it is then held to MAX_INPUT_LENGTH. Longest free text searched for the numbers in it (a pasted note or mail signature). At most this many numbers are offered from one text. Characters removed as visual grouping: the spec's space, NBSP, - . ( ) / plus the narrow no-break space, thin space, non-breaking hyphen and en dash that word processors and mail signatures substitute for them. None of them can reach the API. Link schemes we dial, lower case.</extracomment>
        <translation>the text holds {count} numbers</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Your settings file was damaged, so AgentBar started with default settings.</source>
        <extracomment>What ``recordings_cache_mb`` accepts; 0 keeps only the recording that is playing. Seconds between two polls while the agent is ready; every other rate (break, call) derives from it (core/polling.py). Break id -&gt; allowed minutes. Template with ``{phone}``, opened in the browser when a call arrives. Screen name -&gt; (x, y) of the toolbar on that screen. A program and its arguments (no shell) whose output's first line is the API key; for IT, in the machine-wide files. The key it gives is never stored (core/key_sources.py). One extra certificate authority (PEM file) to trust besides the system's. The activity log writes dialled and transfer numbers in full (else: the last 4 digits). A link's 2-6 digit number dials only when its length is in this range (inclusive): the site's extensions. Anything shorter or longer is refused. A link to a number outside the region's country asks first (emergency, short service and premium-rate numbers always do). Human-readable notes about ignored values or a damaged file; never contain secrets. True when the user's settings file did not exist. Settings set by the administrator's policy: they win over the user's file.</extracomment>
        <translation>Your settings file was damaged, so AgentBar started with default settings.</translation>
    </message>
    <message>
        <source>Your settings file could not be read, so AgentBar started with defaults.</source>
        <translation>Your settings file could not be read, so AgentBar started with defaults.</translation>
    </message>
</context>
<context>
    <name>tls</name>
    <message>
        <source>A certificate setting of this computer is not usable, so AgentBar ignores it and uses the system's certificate store.</source>
        <translation>A certificate setting of this computer is not usable, so AgentBar ignores it and uses the system's certificate store.</translation>
    </message>
    <message>
        <source>The extra certificate authority (ca_file) could not be loaded, so it is not trusted.</source>
        <translation>The extra certificate authority (ca_file) could not be loaded, so it is not trusted.</translation>
    </message>
</context>
</TS>
