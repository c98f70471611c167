<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr">
<context>
    <name>AgentSession</name>
    <message>
        <source>The server refused the API key: %s</source>
        <extracomment>The whole technical text (English, for the log): the library's words included. When to poll, by the agent's activity (core/polling.py); a test or the fleet bench passes one with a seeded random generator. Set once the first poll has been answered or has failed (at start when logged out: there is none), so start-up can put first contact before its other work.</extracomment>
        <translation>Sunucu API anahtarını kabul etmedi: %s</translation>
    </message>
    <message>
        <source>%s failed: %s</source>
        <translation>%s başarısız: %s</translation>
    </message>
    <message>
        <source>Cannot dial “%s”: %s</source>
        <translation>“%s” aranamıyor: %s</translation>
    </message>
    <message>
        <source>%s failed because of an internal error (details in the log).</source>
        <translation>%s bir iç hata yüzünden başarısız oldu (ayrıntılar günlükte).</translation>
    </message>
    <message>
        <source>The server says you are not logged in (“%s”); it may have restarted. Log in again.</source>
        <translation>Sunucu giriş yapmadığınızı söylüyor (“%s”); yeniden başlamış olabilir. Yeniden giriş yapın.</translation>
    </message>
    <message>
        <source>The server says you are not on a break (“%s”); the break is closed here.</source>
        <translation>Sunucu molada olmadığınızı söylüyor (“%s”); mola burada da kapatıldı.</translation>
    </message>
    <message>
        <source>Could not save to disk: %s</source>
        <translation>Diske kaydedilemedi: %s</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Giriş yap</translation>
    </message>
    <message>
        <source>Logged in.</source>
        <translation>Giriş yapıldı.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Çıkış yap</translation>
    </message>
    <message>
        <source>Logged out.</source>
        <translation>Çıkış yapıldı.</translation>
    </message>
    <message>
        <source>Loading break reasons</source>
        <translation>Mola nedenlerini yükleme</translation>
    </message>
    <message>
        <source>Starting the break</source>
        <translation>Molayı başlatma</translation>
    </message>
    <message>
        <source>Break started.</source>
        <translation>Mola başladı.</translation>
    </message>
    <message>
        <source>Ending the break</source>
        <translation>Molayı bitirme</translation>
    </message>
    <message>
        <source>Break ended.</source>
        <translation>Mola bitti.</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>Arama</translation>
    </message>
    <message>
        <source>Calling %s — your phone rings first.</source>
        <translation>%s aranıyor — önce sizin telefonunuz çalacak.</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Aktar</translation>
    </message>
    <message>
        <source>Call transferred to %s.</source>
        <translation>Çağrı %s dahilisine aktarıldı.</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>Call ended.</source>
        <translation>Çağrı sonlandı.</translation>
    </message>
    <message>
        <source>The server answers again.</source>
        <translation>Sunucu yeniden yanıt veriyor.</translation>
    </message>
    <message>
        <source>internal error (details in the log)</source>
        <translation>iç hata (ayrıntılar günlükte)</translation>
    </message>
    <message>
        <source>Changing the break reason</source>
        <translation>Mola nedeni değiştirme</translation>
    </message>
    <message>
        <source>Log in to dial.</source>
        <translation>Arama yapmak için oturum açın.</translation>
    </message>
</context>
<context>
    <name>AppWindows</name>
    <message>
        <source>unknown number</source>
        <extracomment>Keys that are never shown in the dialog nor stored: IT's key command and the machine's store.</extracomment>
        <translation>bilinmeyen numara</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Gelen çağrı</translation>
    </message>
    <message>
        <source>Quit AgentBar</source>
        <translation>AgentBar’dan çık</translation>
    </message>
    <message>
        <source>You are on a break. End the break and log out before quitting?</source>
        <translation>Moladasınız. Çıkmadan önce mola bitirilip çıkış yapılsın mı?</translation>
    </message>
    <message numerus="yes">
        <source>Diagnostics copied: version, settings without secrets and the last %n log line(s). Paste them into your message to IT.</source>
        <translation>
            <numerusform>Tanılama bilgisi kopyalandı: sürüm, gizli bilgiler olmadan ayarlar ve günlüğün son %n satırı. BT ekibine yazdığınız iletiye yapıştırın.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open the log folder: %s</source>
        <translation>Günlük klasörü açılamadı: %s</translation>
    </message>
    <message>
        <source>You are on a call; quitting does not end it, but the bar stops showing it. Log out before quitting?</source>
        <translation>Görüşmedesiniz; çıkmak görüşmeyi bitirmez, ancak çubuk onu artık göstermez. Çıkmadan önce oturumu kapatmak ister misiniz?</translation>
    </message>
    <message>
        <source>You are logged in. Log out before quitting?</source>
        <translation>Giriş yapmış durumdasınız. Kapatmadan önce çıkış yapılsın mı?</translation>
    </message>
    <message>
        <source>&amp;Log out and quit</source>
        <translation>Çıkış &amp;yap ve kapat</translation>
    </message>
    <message>
        <source>&amp;Quit, stay logged in</source>
        <translation>&amp;Kapat, girişte kal</translation>
    </message>
</context>
<context>
    <name>BreakBudgets</name>
    <message>
        <source>Break budgets</source>
        <translation>Mola süreleri</translation>
    </message>
    <message>
        <source>The bar turns amber near a reason's budget and red past it. 0 means no budget. Your administrator may have set defaults.</source>
        <translation>Bir nedenin süresine yaklaşınca çubuk turuncuya, süre aşılınca kırmızıya döner. 0 süre sınırı yok demektir. Varsayılanları yöneticiniz belirlemiş olabilir.</translation>
    </message>
    <message>
        <source>No break reasons yet: log in once to load them.</source>
        <translation>Henüz mola nedeni yok: yüklemek için bir kez oturum açın.</translation>
    </message>
    <message>
        <source> min</source>
        <comment>minutes</comment>
        <translation> dk</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>Sınır yok</translation>
    </message>
    <message>
        <source>Minutes allowed for “%s” breaks (0: no budget)</source>
        <translation>“%s” molaları için izin verilen dakika (0: sınır yok)</translation>
    </message>
</context>
<context>
    <name>CallSearch</name>
    <message>
        <source>Search by number or name (Ctrl+F)</source>
        <translation>Numara veya isimle ara (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search %s</source>
        <translation>%s içinde ara</translation>
    </message>
    <message>
        <source>Filters as you type; İ/I/ı/i, ş/s, ç/c… are treated alike</source>
        <translation>Yazdıkça süzer; İ/I/ı/i, ş/s, ç/c… aynı sayılır</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <source>Date and time</source>
        <translation>Tarih ve saat</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Yön</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numara</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>İsim</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Kayıt</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>Giden</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Gelen</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Kuyruk</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Dahili</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Bilinmiyor</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Cevaplandı</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Cevapsız</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Meşgul</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Başarısız</translation>
    </message>
    <message>
        <source>Congestion</source>
        <translation>Hat yoğun</translation>
    </message>
    <message>
        <source>Today %s</source>
        <translation>Bugün %s</translation>
    </message>
    <message>
        <source>▶ Listen</source>
        <translation>▶ Dinle</translation>
    </message>
    <message>
        <source>Show this call's recording in the Recordings tab (%s)</source>
        <translation>Bu çağrının kaydını Ses Kayıtları sekmesinde göster (%s)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>AgentBar — unexpected error</source>
        <translation>AgentBar — beklenmeyen hata</translation>
    </message>
    <message>
        <source>Something went wrong inside AgentBar. It keeps running; details are in the log.</source>
        <translation>AgentBar içinde bir şeyler ters gitti. Program çalışmaya devam ediyor; ayrıntılar günlükte.</translation>
    </message>
</context>
<context>
    <name>DesktopSettings</name>
    <message>
        <source>Desktop</source>
        <translation>Masaüstü</translation>
    </message>
    <message>
        <source>Start AgentBar when I log &amp;in</source>
        <translation>Oturum açınca AgentBar'ı başla&amp;t</translation>
    </message>
    <message>
        <source>Start AgentBar in the system tray when you log in to this computer. Takes effect at once, even if you cancel this window.</source>
        <translation>Bu bilgisayarda oturum açtığınızda AgentBar'ı sistem tepsisinde başlatır. Bu pencereyi iptal etseniz bile hemen uygulanır.</translation>
    </message>
    <message>
        <source>Start AgentBar at login</source>
        <translation>Oturum açılınca AgentBar'ı başlat</translation>
    </message>
    <message>
        <source>Start at login problem</source>
        <translation>Oturum açılınca başlatma sorunu</translation>
    </message>
    <message>
        <source>Handle ph&amp;one links (tel:, callto:, sip:)</source>
        <translation>Telef&amp;on bağlantılarını AgentBar ile aç (tel:, callto:, sip:)</translation>
    </message>
    <message>
        <source>Make AgentBar open the phone links you click in browsers, e-mails and other programs. On Windows, then choose AgentBar in the Default apps page that opens.</source>
        <translation>Tarayıcılarda, e-postalarda ve diğer programlarda tıkladığınız telefon bağlantılarını AgentBar açsın. Windows'ta ardından açılan Varsayılan uygulamalar sayfasında AgentBar'ı seçin.</translation>
    </message>
    <message>
        <source>Handle phone links</source>
        <translation>Telefon bağlantılarını AgentBar ile aç</translation>
    </message>
    <message>
        <source>Phone links result</source>
        <translation>Telefon bağlantıları sonucu</translation>
    </message>
    <message>
        <source>Could not turn on start at login: %1</source>
        <translation>Oturum açılınca başlatma açılamadı: %1</translation>
    </message>
    <message>
        <source>Could not turn off start at login: %1</source>
        <translation>Oturum açılınca başlatma kapatılamadı: %1</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Kaydediliyor…</translation>
    </message>
    <message>
        <source>Registering failed unexpectedly (%1).</source>
        <translation>Kayıt beklenmedik biçimde başarısız oldu (%1).</translation>
    </message>
</context>
<context>
    <name>DialField</name>
    <message>
        <source>Number to call</source>
        <translation>Aranacak numara</translation>
    </message>
    <message>
        <source>Type or paste a number in any form (+90 532…, 0532…, tel: links); Enter dials</source>
        <translation>Numarayı herhangi bir biçimde yazın veya yapıştırın (+90 532…, 0532…, tel: bağlantıları); Enter arar</translation>
    </message>
    <message>
        <source>Cannot dial: %s</source>
        <translation>Aranamaz: %s</translation>
    </message>
    <message>
        <source>Will dial extension %s</source>
        <translation>%s dahilisi aranacak</translation>
    </message>
    <message>
        <source>Will dial %s</source>
        <translation>%s aranacak</translation>
    </message>
    <message>
        <source>The text holds %d numbers: Enter lets you choose one</source>
        <translation>Metinde %d numara var: Enter ile birini seçin</translation>
    </message>
</context>
<context>
    <name>Grip</name>
    <message>
        <source>Drag to move the bar</source>
        <translation>Çubuğu taşımak için sürükleyin</translation>
    </message>
    <message>
        <source>Move handle</source>
        <translation>Taşıma tutamağı</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Today's summary</source>
        <translation>Bugünün özeti</translation>
    </message>
    <message>
        <source>call history</source>
        <translation>çağrı geçmişi</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Yenile</translation>
    </message>
    <message>
        <source>Ask the server again (F5)</source>
        <translation>Sunucuya yeniden sor (F5)</translation>
    </message>
    <message>
        <source>Refresh history</source>
        <translation>Geçmişi yenile</translation>
    </message>
    <message>
        <source>Call history</source>
        <translation>Çağrı geçmişi</translation>
    </message>
    <message>
        <source>Your recent calls. Double-click or Enter: put the number in the dial field</source>
        <translation>Son çağrılarınız. Çift tık veya Enter: numarayı arama alanına koyar</translation>
    </message>
    <message>
        <source>Put the number in the bar's dial field (double-click or Enter)</source>
        <translation>Numarayı çubuktaki arama alanına koy (çift tık veya Enter)</translation>
    </message>
    <message>
        <source>Put the number in the dial field</source>
        <translation>Numarayı arama alanına koy</translation>
    </message>
    <message>
        <source>&amp;Copy number</source>
        <translation>Numarayı &amp;kopyala</translation>
    </message>
    <message>
        <source>Copy the number to the clipboard (Ctrl+C)</source>
        <translation>Numarayı panoya kopyala (Ctrl+C)</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Numarayı kopyala</translation>
    </message>
    <message>
        <source>&amp;Go to recording</source>
        <translation>Kayda &amp;git</translation>
    </message>
    <message>
        <source>Show this call's recording in the Recordings tab</source>
        <translation>Bu çağrının kaydını Ses Kayıtları sekmesinde göster</translation>
    </message>
    <message>
        <source>Go to recording</source>
        <translation>Kayda git</translation>
    </message>
    <message>
        <source>Today — calls: %d · answered: %d · talk time: %s · break time: %s</source>
        <translation>Bugün — çağrı: %d · cevaplanan: %d · konuşma süresi: %s · mola süresi: %s</translation>
    </message>
    <message>
        <source>Loading the call history…</source>
        <translation>Çağrı geçmişi yükleniyor…</translation>
    </message>
    <message>
        <source>Copied %s.</source>
        <translation>%s kopyalandı.</translation>
    </message>
    <message>
        <source>Your numbers for %s</source>
        <translation>%s tarihli sayılarınız</translation>
    </message>
    <message>
        <source>&amp;To the dial field</source>
        <translation>&amp;Arama alanına koy</translation>
    </message>
</context>
<context>
    <name>LastingNotes</name>
    <message>
        <source>Warnings</source>
        <translation>Uyarılar</translation>
    </message>
</context>
<context>
    <name>PanelSession</name>
    <message>
        <source>Resizing the recordings cache</source>
        <translation>Kayıt önbelleğini yeniden boyutlandırma</translation>
    </message>
    <message>
        <source>%s failed: %s</source>
        <translation>%s başarısız: %s</translation>
    </message>
    <message>
        <source>%s failed because of an internal error (details in the log).</source>
        <translation>%s bir iç hata yüzünden başarısız oldu (ayrıntılar günlükte).</translation>
    </message>
    <message>
        <source>Loading recordings</source>
        <translation>Kayıtları yükleme</translation>
    </message>
    <message>
        <source>Loading older recordings</source>
        <translation>Daha eski kayıtları yükleme</translation>
    </message>
    <message>
        <source>Downloading the recording</source>
        <translation>Kaydı indirme</translation>
    </message>
    <message>
        <source>Caching</source>
        <translation>Önbelleğe alma</translation>
    </message>
    <message>
        <source>Clearing the cache</source>
        <translation>Önbelleği temizleme</translation>
    </message>
    <message>
        <source>Saving the recording</source>
        <translation>Kaydı kaydetme</translation>
    </message>
    <message>
        <source>Recording saved to %s</source>
        <translation>Kayıt %s konumuna kaydedildi</translation>
    </message>
    <message>
        <source>Loading the call history</source>
        <translation>Çağrı geçmişini yükleme</translation>
    </message>
    <message>
        <source>Loading the queues</source>
        <translation>Kuyrukları yükleme</translation>
    </message>
    <message>
        <source>Joining queue %s</source>
        <translation>%s kuyruğuna katılma</translation>
    </message>
    <message>
        <source>Leaving queue %s</source>
        <translation>%s kuyruğundan ayrılma</translation>
    </message>
    <message>
        <source>Joined queue %s.</source>
        <translation>%s kuyruğuna katıldınız.</translation>
    </message>
    <message>
        <source>Left queue %s.</source>
        <translation>%s kuyruğundan ayrıldınız.</translation>
    </message>
    <message>
        <source>The server answered “%s”, but queue %s still lists agent %s as %s.</source>
        <translation>Sunucu “%s” yanıtını verdi, ancak %s kuyruğu %s numaralı agent’ı hâlâ %s olarak gösteriyor.</translation>
    </message>
    <message>
        <source>not a member</source>
        <translation>üye değil</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>üye</translation>
    </message>
    <message>
        <source>You were already in queue %s.</source>
        <translation>Zaten %s kuyruğundaydınız.</translation>
    </message>
    <message>
        <source>You were not in queue %s.</source>
        <translation>Zaten %s kuyruğunda değildiniz.</translation>
    </message>
    <message>
        <source>The server answered “%s”, but queue %s could not be checked.</source>
        <translation>Sunucu “%s” yanıtını verdi, ancak %s kuyruğu denetlenemedi.</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>This recording cannot be played: the file is damaged or its format is not supported.</source>
        <translation>Bu kayıt çalınamıyor: dosya bozuk ya da biçimi desteklenmiyor.</translation>
    </message>
    <message>
        <source>The recording file could not be opened.</source>
        <translation>Kayıt dosyası açılamadı.</translation>
    </message>
    <message>
        <source>Playback failed: %s</source>
        <translation>Çalma başarısız: %s</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <source>Selected recording</source>
        <translation>Seçili kayıt</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Çal</translation>
    </message>
    <message>
        <source>Play or pause the selected recording (Space)</source>
        <translation>Seçili kaydı çal veya duraklat (Boşluk)</translation>
    </message>
    <message>
        <source>%d s</source>
        <translation>%d sn</translation>
    </message>
    <message>
        <source>Back %d seconds (Left arrow)</source>
        <translation>%d saniye geri (Sol ok)</translation>
    </message>
    <message>
        <source>Back %d seconds</source>
        <translation>%d saniye geri</translation>
    </message>
    <message>
        <source>Forward %d seconds (Right arrow)</source>
        <translation>%d saniye ileri (Sağ ok)</translation>
    </message>
    <message>
        <source>Forward %d seconds</source>
        <translation>%d saniye ileri</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Kayıttaki konum</translation>
    </message>
    <message>
        <source>Drag to move in the recording; arrow keys move by 5 s</source>
        <translation>Kayıtta gezinmek için sürükleyin; ok tuşları 5 sn atlar</translation>
    </message>
    <message>
        <source>Position and length</source>
        <translation>Konum ve uzunluk</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Çalma hızı</translation>
    </message>
    <message>
        <source>&amp;Volume</source>
        <translation>&amp;Ses</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Ses düzeyi</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>&amp;Farklı kaydet…</translation>
    </message>
    <message>
        <source>Save a copy of the selected recording</source>
        <translation>Seçili kaydın bir kopyasını kaydet</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>İndirme ilerlemesi</translation>
    </message>
    <message>
        <source>Downloading the recording</source>
        <translation>Kaydı indirme</translation>
    </message>
    <message>
        <source>Downloading… %p%</source>
        <translation>İndiriliyor… %p%</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;İptal</translation>
    </message>
    <message>
        <source>Stop the download</source>
        <translation>İndirmeyi durdur</translation>
    </message>
    <message>
        <source>Player message</source>
        <translation>Oynatıcı mesajı</translation>
    </message>
    <message>
        <source>Select a recording to play it.</source>
        <translation>Çalmak için bir kayıt seçin.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Duraklat</translation>
    </message>
    <message>
        <source>No sound device: the recording plays without sound.</source>
        <translation>Ses aygıtı yok: kayıt sessiz çalıyor.</translation>
    </message>
    <message>
        <source>No sound device</source>
        <translation>Ses aygıtı yok</translation>
    </message>
    <message>
        <source>This computer reports no audio output; connect a headset or speakers.</source>
        <translation>Bu bilgisayarda ses çıkışı görünmüyor; kulaklık ya da hoparlör bağlayın.</translation>
    </message>
</context>
<context>
    <name>QueuesTab</name>
    <message>
        <source>Queue</source>
        <translation>Kuyruk</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>İsim</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Üyelik</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Kuyruklar</translation>
    </message>
    <message>
        <source>The call center's queues and whether you are in each</source>
        <translation>Çağrı merkezinin kuyrukları ve hangilerinde olduğunuz</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Katıl</translation>
    </message>
    <message>
        <source>Add yourself to the selected queue</source>
        <translation>Kendinizi seçili kuyruğa ekleyin</translation>
    </message>
    <message>
        <source>Join queue</source>
        <translation>Kuyruğa katıl</translation>
    </message>
    <message>
        <source>&amp;Leave</source>
        <translation>&amp;Ayrıl</translation>
    </message>
    <message>
        <source>Remove yourself from the selected queue</source>
        <translation>Kendinizi seçili kuyruktan çıkarın</translation>
    </message>
    <message>
        <source>Leave queue</source>
        <translation>Kuyruktan ayrıl</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Yenile</translation>
    </message>
    <message>
        <source>Ask the server again (F5)</source>
        <translation>Sunucuya yeniden sor (F5)</translation>
    </message>
    <message>
        <source>Refresh queues</source>
        <translation>Kuyrukları yenile</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>? Unknown</source>
        <translation>? Bilinmiyor</translation>
    </message>
    <message>
        <source>✔ Member</source>
        <translation>✔ Üye</translation>
    </message>
    <message>
        <source>— Not a member</source>
        <translation>— Üye değil</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>İşleniyor…</translation>
    </message>
</context>
<context>
    <name>RecordingsTab</name>
    <message>
        <source>recordings</source>
        <translation>ses kayıtları</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Ses Kayıtları</translation>
    </message>
    <message>
        <source>Your recorded calls. Space plays or pauses; ←/→ skip 10 s</source>
        <translation>Kaydedilmiş çağrılarınız. Boşluk çalar veya duraklatır; ←/→ 10 sn atlar</translation>
    </message>
    <message>
        <source>Date range shown</source>
        <translation>Gösterilen tarih aralığı</translation>
    </message>
    <message>
        <source>Load &amp;older</source>
        <translation>&amp;Daha eskileri yükle</translation>
    </message>
    <message>
        <source>Load older recordings</source>
        <translation>Daha eski kayıtları yükle</translation>
    </message>
    <message>
        <source>Add the 7 days before the oldest day shown</source>
        <translation>Gösterilen en eski günden önceki 7 günü ekle</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Yenile</translation>
    </message>
    <message>
        <source>Refresh recordings</source>
        <translation>Kayıtları yenile</translation>
    </message>
    <message>
        <source>Ask the server again (F5)</source>
        <translation>Sunucuya yeniden sor (F5)</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) since %s</source>
        <translation>
            <numerusform>%s tarihinden beri %n kayıt</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading recordings…</source>
        <translation>Kayıtlar yükleniyor…</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>İndirme iptal edildi.</translation>
    </message>
    <message>
        <source>Save the recording as</source>
        <translation>Kaydı farklı kaydet</translation>
    </message>
</context>
<context>
    <name>RemoteControl</name>
    <message>
        <source>Cannot dial “%s”: %s</source>
        <translation>“%s” aranamıyor: %s</translation>
    </message>
    <message>
        <source>Cannot dial: the phone region in Settings is invalid.</source>
        <translation>Aranamaz: Ayarlar’daki telefon bölgesi geçersiz.</translation>
    </message>
    <message>
        <source>Nothing to dial: %s.</source>
        <translation>Aranacak bir şey yok: %s.</translation>
    </message>
    <message>
        <source>Will dial %s…</source>
        <translation>%s aranacak…</translation>
    </message>
    <message>
        <source>Call from a link</source>
        <translation>Bağlantıdan arama</translation>
    </message>
    <message>
        <source>Call %s?</source>
        <translation>%s aransın mı?</translation>
    </message>
    <message>
        <source>The link was: %s</source>
        <translation>Bağlantı: %s</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Ara</translation>
    </message>
    <message>
        <source>Cannot start a break: you are not logged in.</source>
        <extracomment>How long the normalised number stays on the bar before a link dials (unless confirming). The same number again within this time is one click that launched twice (browsers do). Another link within this time of the last one is a burst: it is asked about, never queued.</extracomment>
        <translation>Mola başlatılamıyor: giriş yapmadınız.</translation>
    </message>
    <message>
        <source>You are already on a break (%s).</source>
        <translation>Zaten moladasınız (%s).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>There is no break reason “%s”. Known reasons: %s.</source>
        <translation>“%s” diye bir mola nedeni yok. Bilinen nedenler: %s.</translation>
    </message>
    <message>
        <source>You are not on a break.</source>
        <translation>Molada değilsiniz.</translation>
    </message>
    <message>
        <source>Did not dial %s: another link is waiting for your answer.</source>
        <translation>%s aranmadı: yanıtınızı bekleyen başka bir bağlantı var.</translation>
    </message>
    <message>
        <source>This link asks to call %s.</source>
        <translation>Dikkat: bu bağlantıdaki numara %s.</translation>
    </message>
    <message>
        <source>Several links arrived within a few seconds.</source>
        <translation>Birkaç saniye içinde birden çok bağlantı geldi.</translation>
    </message>
    <message>
        <source>The one before was not dialled.</source>
        <translation>Bir önceki bağlantı aranmadı.</translation>
    </message>
    <message>
        <source>Log in to dial.</source>
        <translation>Arama yapmak için oturum açın.</translation>
    </message>
    <message>
        <source>You are not logged in.</source>
        <translation>Oturum açık değil.</translation>
    </message>
    <message>
        <source>The server did not confirm it.</source>
        <translation>Sunucu bunu onaylamadı.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Demo mode: a simulated server. Press Log in (Ctrl+L).</source>
        <extracomment>Seconds after start-up at which _warm_up runs. The longest the tray and the link server wait for the first poll's answer. Worker threads for disk, keyring and decoding work (made when first needed). How long --screenshot lets the windows settle before it grabs them. Where ``key`` came from (the settings dialog and --self-test say so, never the key). ``call-active`` while a call is shown, for an upgrading installer (``agentbar --busy``).</extracomment>
        <translation>Demo modu: benzetilmiş bir sunucu. Giriş yap’a basın (Ctrl+L).</translation>
    </message>
    <message>
        <source>This desktop has no system tray: AgentBar works from the bar alone.</source>
        <translation>Bu masaüstünde sistem tepsisi yok: AgentBar yalnızca çubuktan çalışır.</translation>
    </message>
    <message>
        <source>Links and other launches cannot reach this AgentBar (details in the log).</source>
        <translation>Bağlantılar ve diğer başlatmalar bu AgentBar’a ulaşamıyor (ayrıntılar günlükte).</translation>
    </message>
    <message>
        <source>Links and other launches cannot reach this AgentBar: its socket folder is not private to you (details in the log).</source>
        <translation>Bağlantılar ve diğer başlatmalar bu AgentBar’a ulaşamıyor: soket klasörü yalnızca size ait değil (ayrıntılar günlükte).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>AgentBar — Settings</source>
        <extracomment>``checker(url, api_key, wire)``, e.g. ``core.connection_check.check_connection`` with a client.</extracomment>
        <translation>AgentBar — Ayarlar</translation>
    </message>
    <message>
        <source>AgentBar settings</source>
        <translation>AgentBar ayarları</translation>
    </message>
    <message>
        <source>Settings set by your administrator</source>
        <translation>Yöneticinizin belirlediği ayarlar</translation>
    </message>
    <message>
        <source>Enter the server URL, agent number and extension to save.</source>
        <translation>Kaydetmek için sunucu adresini, agent numarasını ve dahiliyi girin.</translation>
    </message>
    <message>
        <source>Why OK is unavailable</source>
        <translation>Tamam neden kullanılamıyor</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Tamam</translation>
    </message>
    <message>
        <source>Save the settings and close (Enter)</source>
        <translation>Ayarları kaydet ve kapat (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Kaydetmeden kapat (Esc)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <source>The address of the call-center API, from your administrator</source>
        <translation>Çağrı merkezi API’sinin adresi (yöneticinizden alın)</translation>
    </message>
    <message>
        <source>Server URL problem</source>
        <translation>Sunucu adresi sorunu</translation>
    </message>
    <message>
        <source>This address uses http://: the API key travels unencrypted. Use https:// if the server supports it.</source>
        <translation>Bu adres http:// kullanıyor: API anahtarı şifrelenmeden gider. Sunucu destekliyorsa https:// kullanın.</translation>
    </message>
    <message>
        <source>Unencrypted connection</source>
        <translation>Şifresiz bağlantı</translation>
    </message>
    <message>
        <source>&amp;Server URL:</source>
        <translation>&amp;Sunucu adresi:</translation>
    </message>
    <message>
        <source>From your administrator</source>
        <translation>Yöneticinizden alın</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Göster</translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation>API anahtarını göster</translation>
    </message>
    <message>
        <source>Show or hide the key</source>
        <translation>Anahtarı göster veya gizle</translation>
    </message>
    <message>
        <source>The key that lets AgentBar use the server; kept in the system keyring</source>
        <translation>AgentBar’ın sunucuyu kullanmasını sağlayan anahtar; sistemin anahtar deposunda saklanır</translation>
    </message>
    <message>
        <source>API key storage problem</source>
        <translation>API anahtarı saklama sorunu</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API &amp;anahtarı:</translation>
    </message>
    <message>
        <source>Agent number problem</source>
        <translation>Agent numarası sorunu</translation>
    </message>
    <message>
        <source>Your agent number (2–6 digits)</source>
        <translation>Agent numaranız (2–6 hane)</translation>
    </message>
    <message>
        <source>&amp;Agent number:</source>
        <translation>A&amp;gent numarası:</translation>
    </message>
    <message>
        <source>The extension of your phone, which rings first when you dial (2–6 digits)</source>
        <translation>Telefonunuzun dahilisi; aradığınızda önce o çalar (2–6 hane)</translation>
    </message>
    <message>
        <source>Extension problem</source>
        <translation>Dahili sorunu</translation>
    </message>
    <message>
        <source>E&amp;xtension:</source>
        <translation>&amp;Dahili:</translation>
    </message>
    <message>
        <source>The reply format the server speaks; JSON unless told otherwise</source>
        <translation>Sunucunun yanıt biçimi; aksi söylenmedikçe JSON</translation>
    </message>
    <message>
        <source>&amp;Wire format:</source>
        <translation>&amp;Yanıt biçimi:</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds</comment>
        <translation> sn</translation>
    </message>
    <message>
        <source>How often AgentBar asks the server about your calls while you are ready, in seconds. On a break it asks 5 times less often, during a call twice as often (at most once a second), logged out not at all.</source>
        <translation>AgentBar’ın hazırdayken çağrılarınızı sunucuya kaç saniyede bir sorduğu. Moladayken 5 kat daha seyrek, görüşme sırasında iki kat daha sık (en fazla saniyede bir) sorar; oturum kapalıyken hiç sormaz.</translation>
    </message>
    <message>
        <source>&amp;Poll interval:</source>
        <translation>&amp;Sorgulama aralığı:</translation>
    </message>
    <message>
        <source>The API key in use comes from the AGENTBAR_API_KEY environment variable.</source>
        <translation>Kullanılan API anahtarı AGENTBAR_API_KEY ortam değişkeninden geliyor.</translation>
    </message>
    <message>
        <source>The API key in use is kept in this computer's keyring.</source>
        <translation>Kullanılan API anahtarı bu bilgisayarın anahtarlığında saklanıyor.</translation>
    </message>
    <message>
        <source>Where the API key comes from</source>
        <translation>API anahtarının kaynağı</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Yöneticiniz tarafından belirlendi</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Bağlantıyı &amp;sına</translation>
    </message>
    <message>
        <source>Ask the server for its break reasons with this address, key and format</source>
        <translation>Bu adres, anahtar ve biçimle sunucudan mola nedenlerini iste</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Bağlantıyı sına</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Bağlantı sınama sonucu</translation>
    </message>
    <message>
        <source>Dialling</source>
        <translation>Arama</translation>
    </message>
    <message>
        <source>The country whose numbers can be typed without +country code</source>
        <translation>+ülke kodu yazmadan numarası girilebilen ülke</translation>
    </message>
    <message>
        <source>Default &amp;region:</source>
        <translation>Varsayılan &amp;bölge:</translation>
    </message>
    <message>
        <source>National, with 0</source>
        <translation>Ulusal, 0 ile</translation>
    </message>
    <message>
        <source>International, with +</source>
        <translation>Uluslararası, + ile</translation>
    </message>
    <message>
        <source>How numbers are written when AgentBar asks the phone system to dial</source>
        <translation>AgentBar’ın santrale aratırken numarayı hangi biçimde yazdığı</translation>
    </message>
    <message>
        <source>&amp;Dial format:</source>
        <translation>&amp;Arama biçimi:</translation>
    </message>
    <message>
        <source>&amp;Confirm before dialling a link</source>
        <translation>Bir bağlantıyı aramadan önce &amp;sor</translation>
    </message>
    <message>
        <source>Ask before calling a number clicked in a browser or another program</source>
        <translation>Tarayıcıda veya başka bir programda tıklanan numarayı aramadan önce sor</translation>
    </message>
    <message>
        <source>Confirm before dialling links</source>
        <translation>Bağlantıları aramadan önce sor</translation>
    </message>
    <message>
        <source>Opened in the browser when a call arrives; {phone} becomes the number</source>
        <translation>Çağrı geldiğinde tarayıcıda açılır; {phone} numarayla değiştirilir</translation>
    </message>
    <message>
        <source>Screen-pop problem</source>
        <translation>Ekran açılış adresi sorunu</translation>
    </message>
    <message>
        <source>Screen-pop &amp;URL:</source>
        <translation>Çağrıda açılacak &amp;adres:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Genel</translation>
    </message>
    <message>
        <source>Show &amp;notifications</source>
        <translation>&amp;Bildirimleri göster</translation>
    </message>
    <message>
        <source>Desktop notifications for incoming calls and problems</source>
        <translation>Gelen çağrılar ve sorunlar için masaüstü bildirimleri</translation>
    </message>
    <message>
        <source>Show notifications</source>
        <translation>Bildirimleri göster</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Sistem varsayılanı</translation>
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
        <translation>AgentBar’ın dili; Sistem varsayılanı işletim sistemini izler</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Dil:</translation>
    </message>
    <message>
        <source>2–6 digits</source>
        <translation>2–6 hane</translation>
    </message>
    <message>
        <source>The agent number must be 2 to 6 digits.</source>
        <translation>Agent numarası 2 ile 6 hane arasında olmalı.</translation>
    </message>
    <message>
        <source>The extension must be 2 to 6 digits.</source>
        <translation>Dahili 2 ile 6 hane arasında olmalı.</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the server answered and lists %n break reason(s).</source>
        <translation>
            <numerusform>Bağlandı: sunucu yanıt verdi ve %n mola nedeni listeliyor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the server address, for example https://pbx.example.com.</source>
        <extracomment>Offered first, in this order; every other region phonenumbers knows follows, A to Z.</extracomment>
        <translation>Sunucu adresini girin, örneğin https://pbx.example.com.</translation>
    </message>
    <message>
        <source>The server address must not contain spaces.</source>
        <translation>Sunucu adresinde boşluk olmamalı.</translation>
    </message>
    <message>
        <source>The server address must start with https:// or http://.</source>
        <translation>Sunucu adresi https:// veya http:// ile başlamalı.</translation>
    </message>
    <message>
        <source>The server address has no host name.</source>
        <translation>Sunucu adresinde sunucu adı yok.</translation>
    </message>
    <message>
        <source>Do not put a user name or password in the server address.</source>
        <translation>Sunucu adresine kullanıcı adı veya parola yazmayın.</translation>
    </message>
    <message>
        <source>The server address must not contain '?' or '#'.</source>
        <translation>Sunucu adresinde '?' veya '#' olmamalı.</translation>
    </message>
    <message>
        <source>The server address is not valid (check the host name and port).</source>
        <translation>Sunucu adresi geçerli değil (sunucu adını ve portu denetleyin).</translation>
    </message>
    <message>
        <source>The screen-pop URL must contain {phone}, where the number goes.</source>
        <translation>Ekran açılış adresi, numaranın geleceği yerde {phone} içermeli.</translation>
    </message>
    <message>
        <source>The screen-pop URL must start with https:// or http://.</source>
        <translation>Ekran açılış adresi https:// veya http:// ile başlamalı.</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Gizle</translation>
    </message>
    <message>
        <source>Enter the API key first.</source>
        <translation>Önce API anahtarını girin.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Sınanıyor…</translation>
    </message>
    <message>
        <source>The connection test failed unexpectedly (%1).</source>
        <translation>Bağlantı sınaması beklenmedik biçimde başarısız oldu (%1).</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Ayar sayfaları</translation>
    </message>
    <message>
        <source>Ser&amp;ver and dialling</source>
        <translation>Sunucu ve a&amp;rama</translation>
    </message>
    <message>
        <source>&amp;General and desktop</source>
        <translation>Genel ve &amp;masaüstü</translation>
    </message>
    <message>
        <source>The API key in use comes from your administrator's key command (api_key_command); it is not saved.</source>
        <translation>Kullanılan API anahtarı yöneticinizin anahtar komutundan (api_key_command) geliyor; kaydedilmez.</translation>
    </message>
    <message>
        <source>The API key in use was installed on this computer by your administrator; it is not saved.</source>
        <translation>Kullanılan API anahtarı yöneticiniz tarafından bu bilgisayara kuruldu; kaydedilmez.</translation>
    </message>
    <message>
        <source>Type a key here only to use your own.</source>
        <translation>Buraya yalnızca kendi anahtarınızı kullanmak istiyorsanız yazın.</translation>
    </message>
    <message>
        <source>(locked)</source>
        <translation>(kilitli)</translation>
    </message>
    <message>
        <source>Settings marked (locked) are set by your administrator and cannot be changed.</source>
        <translation>(kilitli) olarak işaretlenen ayarları yöneticiniz belirledi; değiştirilemezler.</translation>
    </message>
    <message>
        <source> MB</source>
        <comment>megabytes</comment>
        <translation> MB</translation>
    </message>
    <message>
        <source>Only the recording playing</source>
        <translation>Yalnızca çalan kayıt</translation>
    </message>
    <message>
        <source>Disk space for downloaded recordings; the oldest are removed beyond it</source>
        <translation>İndirilen kayıtlar için disk alanı; aşılınca en eskiler silinir</translation>
    </message>
    <message>
        <source>Recordings cache li&amp;mit:</source>
        <translation>Kayıt ö&amp;nbelleği sınırı:</translation>
    </message>
    <message>
        <source>Ask before calling a &amp;foreign number from a link</source>
        <translation>&amp;Uluslararası bir numarayı bağlantıdan aramadan önce sor</translation>
    </message>
    <message>
        <source>Emergency, short service and premium-rate numbers from a link are always asked about</source>
        <translation>Bağlantıdaki acil durum, kısa servis ve yüksek tarifeli numaralar her zaman sorulur</translation>
    </message>
    <message>
        <source>Ask before calling a foreign number from a link</source>
        <translation>Uluslararası bir numarayı bağlantıdan aramadan önce sor</translation>
    </message>
    <message>
        <source> digits</source>
        <translation> hane</translation>
    </message>
    <message>
        <source>A short number in a link is dialled only with this many digits</source>
        <translation>Bağlantıdaki kısa bir numara yalnızca bu kadar haneliyse aranır</translation>
    </message>
    <message>
        <source>to</source>
        <translation>ile</translation>
    </message>
    <message>
        <source>&amp;Extensions in links:</source>
        <translation>Bağlantıdaki dahi&amp;li hane sayısı:</translation>
    </message>
    <message>
        <source>Shortest extension dialled from a link</source>
        <translation>Bağlantıdan aranan en kısa dahili</translation>
    </message>
    <message>
        <source>Longest extension dialled from a link</source>
        <translation>Bağlantıdan aranan en uzun dahili</translation>
    </message>
    <message>
        <source>&amp;Breaks</source>
        <translation>Mo&amp;lalar</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>AgentBar — recordings, history, queues</source>
        <translation>AgentBar — ses kayıtları, geçmiş, kuyruklar</translation>
    </message>
    <message>
        <source>AgentBar side panel</source>
        <translation>AgentBar yan paneli</translation>
    </message>
    <message>
        <source>Panel sections</source>
        <translation>Panel bölümleri</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Ses Kayıtları</translation>
    </message>
    <message>
        <source>Your recorded calls (Ctrl+1)</source>
        <translation>Kaydedilmiş çağrılarınız (Ctrl+1)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geçmiş</translation>
    </message>
    <message>
        <source>Your recent calls and today (Ctrl+2)</source>
        <translation>Son çağrılarınız ve bugün (Ctrl+2)</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Kuyruklar</translation>
    </message>
    <message>
        <source>Join or leave queues (Ctrl+3)</source>
        <translation>Kuyruklara katılın veya ayrılın (Ctrl+3)</translation>
    </message>
    <message>
        <source>Panel message</source>
        <translation>Panel mesajı</translation>
    </message>
    <message>
        <source>That recording is not in the list; try “Load older”.</source>
        <translation>Bu kayıt listede yok; “Daha eskileri yükle”yi deneyin.</translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <source>Agent status</source>
        <translation>Agent durumu</translation>
    </message>
    <message>
        <source>↻ %d s</source>
        <comment>retrying in</comment>
        <translation>↻ %d sn</translation>
    </message>
    <message>
        <source>Break %s</source>
        <translation>Mola %s</translation>
    </message>
    <message>
        <source>unknown number</source>
        <translation>bilinmeyen numara</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Hazır</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Oturum kapalı</translation>
    </message>
    <message>
        <source>On break</source>
        <translation>Molada</translation>
    </message>
    <message>
        <source>On a call</source>
        <translation>Görüşmede</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Bağlantı yok</translation>
    </message>
    <message>
        <source>API key refused</source>
        <translation>API anahtarı reddedildi</translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation>Çalıyor…</translation>
    </message>
    <message>
        <source>%d min</source>
        <comment>break budget</comment>
        <translation>%d dk</translation>
    </message>
    <message>
        <source>Nearly at the break budget (%s).</source>
        <translation>Mola süresi dolmak üzere (%s).</translation>
    </message>
    <message>
        <source>Over the break budget (%s).</source>
        <translation>Mola süresi aşıldı (%s).</translation>
    </message>
</context>
<context>
    <name>Toolbar</name>
    <message>
        <source>AgentBar toolbar</source>
        <translation>AgentBar araç çubuğu</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Giriş yap</translation>
    </message>
    <message>
        <source>Log in or out of the call center</source>
        <translation>Çağrı merkezine giriş veya çıkış yap</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Mola</translation>
    </message>
    <message>
        <source>Break reasons</source>
        <translation>Mola nedenleri</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ara</translation>
    </message>
    <message>
        <source>Call the number in the field</source>
        <translation>Alandaki numarayı ara</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Aktar</translation>
    </message>
    <message>
        <source>Blind-transfer the call to an extension</source>
        <translation>Çağrıyı bir dahiliye doğrudan aktar</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>End the current call</source>
        <translation>Süren çağrıyı sonlandır</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Recordings, history and queues</source>
        <translation>Ses kayıtları, geçmiş ve kuyruklar</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Settings, about and quit (Alt+M)</source>
        <translation>Ayarlar, hakkında ve çıkış (Alt+M)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ayarlar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Kapat</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Son mesaj</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Çıkış yap</translation>
    </message>
    <message>
        <source>End break</source>
        <translation>Molayı bitir</translation>
    </message>
    <message>
        <source>No break reasons yet (server offline?)</source>
        <translation>Henüz mola nedeni yok (sunucuya ulaşılamıyor mu?)</translation>
    </message>
    <message>
        <source>Server unreachable: %s</source>
        <translation>Sunucuya ulaşılamıyor: %s</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>&amp;Tanılama bilgisini kopyala</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Günlük klasörünü aç</translation>
    </message>
    <message>
        <source>Unencrypted connection (http://): the API key travels in clear text.</source>
        <translation>Şifresiz bağlantı (http://): API anahtarı açık metin olarak gidiyor.</translation>
    </message>
    <message>
        <source>Start a break or change its reason; on a break the button ends it</source>
        <translation>Mola başlatın ya da nedenini değiştirin; moladayken düğme molayı bitirir</translation>
    </message>
    <message>
        <source>Choose the number to dial</source>
        <translation>Aranacak numarayı seçin</translation>
    </message>
    <message>
        <source>Enter the API &amp;key…</source>
        <translation>API &amp;anahtarını girin…</translation>
    </message>
    <message>
        <source>Enter the API key</source>
        <translation>API anahtarını girin</translation>
    </message>
    <message>
        <source>Open Settings at the API key field</source>
        <translation>Ayarları API anahtarı alanında açar</translation>
    </message>
    <message>
        <source>&amp;End break</source>
        <translation>Molayı &amp;bitir</translation>
    </message>
    <message>
        <source>The server refused the API key.</source>
        <translation>Sunucu API anahtarını reddetti.</translation>
    </message>
    <message>
        <source>You are on a call. Log out anyway?</source>
        <translation>Görüşmedesiniz. Yine de oturumu kapatmak istiyor musunuz?</translation>
    </message>
    <message>
        <source>You are on a break. End the break and log out?</source>
        <translation>Moladasınız. Mola bitirilip oturum kapatılsın mı?</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>&amp;Çıkış yap</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>&amp;Kal</translation>
    </message>
    <message>
        <source>Call %s</source>
        <translation>%s ara</translation>
    </message>
    <message>
        <source>The text holds several numbers: which one?</source>
        <translation>Metinde birden çok numara var: hangisi aransın?</translation>
    </message>
</context>
<context>
    <name>TransferMenu</name>
    <message>
        <source>Transfer targets</source>
        <translation>Aktarma hedefleri</translation>
    </message>
    <message>
        <source>Extension, then Enter</source>
        <translation>Dahili, sonra Enter</translation>
    </message>
    <message>
        <source>Transfer target</source>
        <translation>Aktarma hedefi</translation>
    </message>
    <message>
        <source>The extension to transfer the call to</source>
        <translation>Çağrının aktarılacağı dahili</translation>
    </message>
    <message>
        <source>Transfer to %s</source>
        <translation>%s dahilisine aktar</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>the clipboard is empty</source>
        <translation>pano boş</translation>
    </message>
    <message>
        <source>no number in the clipboard: %s</source>
        <translation>panoda numara yok: %s</translation>
    </message>
    <message>
        <source>the phone region setting is invalid</source>
        <translation>telefon bölgesi ayarı geçersiz</translation>
    </message>
    <message>
        <source>AgentBar menu</source>
        <extracomment>Log out as the bar does: asks first during a break or a call.</extracomment>
        <translation>AgentBar menüsü</translation>
    </message>
    <message>
        <source>&amp;Break</source>
        <translation>&amp;Mola</translation>
    </message>
    <message>
        <source>Offline, retrying in %d s</source>
        <translation>Bağlantı yok, %d sn sonra yeniden denenecek</translation>
    </message>
    <message>
        <source>break %s</source>
        <translation>mola %s</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>bilinmiyor</translation>
    </message>
    <message>
        <source>On a call: %s · %s</source>
        <translation>Görüşmede: %s · %s</translation>
    </message>
    <message>
        <source>On break: %s · %s</source>
        <translation>Molada: %s · %s</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Hazır</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Oturum kapalı</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Çıkış &amp;yap</translation>
    </message>
    <message>
        <source>Log &amp;in</source>
        <translation>&amp;Giriş yap</translation>
    </message>
    <message>
        <source>&amp;End break (%s)</source>
        <translation>Molayı &amp;bitir (%s)</translation>
    </message>
    <message>
        <source>&amp;Dial clipboard number: %s</source>
        <translation>Panodaki numarayı &amp;ara: %s</translation>
    </message>
    <message>
        <source>Dial %s</source>
        <translation>%s ara</translation>
    </message>
    <message>
        <source>Dial clipboard number (%s)</source>
        <translation>Panodaki numarayı ara (%s)</translation>
    </message>
    <message>
        <source>&amp;Hide toolbar</source>
        <translation>Çubuğu &amp;gizle</translation>
    </message>
    <message>
        <source>&amp;Show toolbar</source>
        <translation>Çubuğu &amp;göster</translation>
    </message>
    <message>
        <source>&amp;Recordings…</source>
        <translation>&amp;Ses Kayıtları…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Ayarlar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Kapat</translation>
    </message>
    <message>
        <source>&amp;Break (log in first)</source>
        <translation>&amp;Mola (önce giriş yapın)</translation>
    </message>
    <message>
        <source>No break reasons yet (server offline?)</source>
        <translation>Henüz mola nedeni yok (sunucuya ulaşılamıyor mu?)</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>&amp;Tanılama bilgisini kopyala</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>&amp;Günlük klasörünü aç</translation>
    </message>
    <message>
        <source>Ringing…</source>
        <translation>Çalıyor…</translation>
    </message>
    <message>
        <source>Log in to dial.</source>
        <translation>Arama yapmak için oturum açın.</translation>
    </message>
    <message>
        <source>Choose one of them</source>
        <translation>Birini seçin</translation>
    </message>
    <message>
        <source>&amp;Dial a clipboard number (%d found)…</source>
        <translation>Panodaki bir numarayı &amp;ara (%d bulundu)…</translation>
    </message>
</context>
<context>
    <name>agent_state</name>
    <message>
        <source>Could not read the saved agent state.</source>
        <translation>Kayıtlı agent durumu okunamadı.</translation>
    </message>
    <message>
        <source>The saved agent state was damaged and has been reset.</source>
        <translation>Kayıtlı agent durumu bozulmuştu ve sıfırlandı.</translation>
    </message>
</context>
<context>
    <name>UpdateRestart</name>
    <message>
        <source>AgentBar was updated. It restarts by itself when no call is active.</source>
        <translation>AgentBar güncellendi. Etkin bir çağrı olmadığında kendiliğinden yeniden başlayacak.</translation>
    </message>
</context>
<context>
    <name>api</name>
    <message>
        <source>The server did not answer in time.</source>
        <extracomment>A download's overall deadline: this many seconds, plus one second per DOWNLOAD_MIN_RATE bytes received. httpx's read timeout is per read, so a server dripping a byte a second would otherwise keep a download alive forever; a link slower than the rate (8 KB/s, about six times the bit rate of a GSM recording) is given up on as well. The whole exchange of one API request (not a download) must end within this many seconds. Replies longer than this are decoded in a worker thread, not on the event loop (the same length from which wire decodes JSON in pieces, for that thread's sake). API requests of one Transport in flight at once; more wait their turn (the deadline starts when a request's turn comes). A burst of 100 calls then reaches httpx a few at a time: the event loop runs the set-up of all of them in one go otherwise, a long stall of the GUI (bench/responsiveness.py). Downloads do not count.</extracomment>
        <translation>Sunucu zamanında yanıt vermedi.</translation>
    </message>
    <message>
        <source>The server URL is not usable.</source>
        <translation>Sunucu adresi kullanılamıyor.</translation>
    </message>
    <message>
        <source>The server's TLS certificate could not be verified.</source>
        <translation>Sunucunun TLS sertifikası doğrulanamadı.</translation>
    </message>
    <message>
        <source>A secure (TLS) connection to the server failed.</source>
        <translation>Sunucuyla güvenli (TLS) bağlantı kurulamadı.</translation>
    </message>
    <message>
        <source>Cannot connect to the server.</source>
        <translation>Sunucuya bağlanılamıyor.</translation>
    </message>
    <message>
        <source>The connection to the server broke off.</source>
        <translation>Sunucuyla bağlantı koptu.</translation>
    </message>
    <message>
        <source>The recording download was cut short.</source>
        <translation>Kaydın indirilmesi yarıda kesildi.</translation>
    </message>
    <message>
        <source>The recording is too large.</source>
        <translation>Kayıt çok büyük.</translation>
    </message>
    <message>
        <source>The server sent something that is not a recording.</source>
        <translation>Sunucu kayıt olmayan bir şey gönderdi.</translation>
    </message>
    <message>
        <source>The server failed with a PHP error.</source>
        <extracomment>JSON replies this long (characters) are decoded in pieces (see json_pieces); the transport decodes replies this long (bytes) in a worker thread, where one json.loads would hold the GIL throughout. XML replies are fed to the parser this many bytes at a time, for the same reason. The most of a reply's start that the PHP-notice pattern may read: a real notice is a few hundred bytes; a reply of megabytes must not be scanned by a pattern at all. The most of a web page searched for its ``&lt;title&gt;`` or ``&lt;h1&gt;`` (linear scans only). The most text the HTML cleaner ever sees: a message needs a few hundred characters, and the cleaner's work then has a bound whatever a server sends (issue 15: no super-linear pattern on server bytes, nothing long on the GUI thread). The longest server message kept in an error (the rest is cut, with an ellipsis).</extracomment>
        <translation>Sunucu bir PHP hatasıyla başarısız oldu.</translation>
    </message>
    <message>
        <source>The server sent an empty reply.</source>
        <translation>Sunucu boş bir yanıt gönderdi.</translation>
    </message>
    <message>
        <source>The server's reply is neither XML nor JSON.</source>
        <translation>Sunucunun yanıtı ne XML ne JSON.</translation>
    </message>
    <message>
        <source>The server's JSON reply is not valid UTF-8.</source>
        <translation>Sunucunun JSON yanıtı geçerli UTF-8 değil.</translation>
    </message>
    <message>
        <source>The server's JSON reply is nested too deeply.</source>
        <translation>Sunucunun JSON yanıtı çok derin iç içe.</translation>
    </message>
    <message>
        <source>The server's JSON reply is malformed or cut short.</source>
        <translation>Sunucunun JSON yanıtı bozuk ya da yarım.</translation>
    </message>
    <message>
        <source>The server's XML reply was refused as unsafe.</source>
        <translation>Sunucunun XML yanıtı güvensiz olduğu için reddedildi.</translation>
    </message>
    <message>
        <source>The server's XML reply is malformed or cut short.</source>
        <translation>Sunucunun XML yanıtı bozuk ya da yarım.</translation>
    </message>
    <message>
        <source>The server's XML reply is nested too deeply.</source>
        <translation>Sunucunun XML yanıtı çok derin iç içe.</translation>
    </message>
    <message>
        <source>The server sent a web page instead of API data.</source>
        <translation>Sunucu API verisi yerine bir web sayfası gönderdi.</translation>
    </message>
    <message>
        <source>Check that the server URL is the API's address (…/api/) and not a login page.</source>
        <translation>Sunucu adresinin bir giriş sayfası değil API adresi (…/api/) olduğunu denetleyin.</translation>
    </message>
    <message>
        <source>Check the server URL.</source>
        <translation>Sunucu adresini denetleyin.</translation>
    </message>
    <message>
        <source>The server refused the API key.</source>
        <translation>Sunucu API anahtarını kabul etmedi.</translation>
    </message>
    <message>
        <source>The API was not found at this address.</source>
        <translation>Bu adreste API bulunamadı.</translation>
    </message>
    <message>
        <source>The server redirected the request; redirects are not followed so that the API key never reaches another address.</source>
        <translation>Sunucu isteği başka yere yönlendirdi; API anahtarı başka bir adrese gitmesin diye yönlendirmeler izlenmez.</translation>
    </message>
    <message>
        <source>The server failed.</source>
        <translation>Sunucu hata verdi.</translation>
    </message>
    <message>
        <source>The server's reply has no result field.</source>
        <translation>Sunucunun yanıtında result alanı yok.</translation>
    </message>
    <message>
        <source>The recording download was too slow and was stopped.</source>
        <translation>Kaydın indirilmesi çok yavaş olduğu için durduruldu.</translation>
    </message>
    <message>
        <source>The server URL is not a valid address.</source>
        <translation>Sunucu URL'si geçerli bir adres değil.</translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https:// and name a host.</source>
        <translation>Sunucu URL'si http:// veya https:// ile başlamalı ve bir sunucu adı içermeli.</translation>
    </message>
    <message>
        <source>The server's reply is larger than 8 MB.</source>
        <translation>Sunucunun yanıtı 8 MB'tan büyük.</translation>
    </message>
    <message>
        <source>The server sent an unexpected structure.</source>
        <translation>Sunucu beklenmeyen bir yapı gönderdi.</translation>
    </message>
    <message>
        <source>The server's result field is not true or false.</source>
        <translation>Sunucunun result alanı true ya da false değil.</translation>
    </message>
    <message>
        <source>The server refused the request without a reason.</source>
        <translation>Sunucu isteği gerekçe belirtmeden reddetti.</translation>
    </message>
    <message>
        <source>The server sent a list item that is not a record.</source>
        <translation>Sunucu, kayıt olmayan bir liste öğesi gönderdi.</translation>
    </message>
    <message>
        <source>The server sent a bare list where an envelope was expected.</source>
        <translation>Sunucu, zarf beklenen yerde yalın bir liste gönderdi.</translation>
    </message>
    <message>
        <source>The server's reply is not an object.</source>
        <translation>Sunucunun yanıtı bir nesne değil.</translation>
    </message>
    <message>
        <source>The server's reply is not a list of records.</source>
        <extracomment>Longer record lists are turned into models in a worker thread, not on the event loop.</extracomment>
        <translation>Sunucunun yanıtı bir kayıt listesi değil.</translation>
    </message>
    <message>
        <source>The server's reply is not a message.</source>
        <translation>Sunucunun yanıtı bir ileti değil.</translation>
    </message>
    <message>
        <source>The server's agent list is malformed.</source>
        <translation>Sunucunun temsilci listesi bozuk.</translation>
    </message>
</context>
<context>
    <name>connection</name>
    <message>
        <source>The server refused the API key</source>
        <translation>Sunucu API anahtarını kabul etmedi</translation>
    </message>
    <message>
        <source>Cannot reach the server</source>
        <translation>Sunucuya ulaşılamıyor</translation>
    </message>
    <message>
        <source>The server's reply is not the call-center API</source>
        <translation>Sunucunun yanıtı çağrı merkezi API’si değil</translation>
    </message>
    <message>
        <source>The server answered with an error</source>
        <translation>Sunucu bir hatayla yanıt verdi</translation>
    </message>
    <message>
        <source>Connected: the server answered, but lists no break reasons.</source>
        <extracomment>How many break reasons the server listed (on success): the UI words it itself. On failure: what happened (a marked sentence without its full stop) and the error itself (redacted), so the UI can word both in one language.</extracomment>
        <translation>Bağlandı: sunucu yanıt verdi, ancak hiç mola nedeni listelemiyor.</translation>
    </message>
    <message>
        <source>The test failed</source>
        <translation>Sınama başarısız</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <source>No system keyring is available (no Secret Service / D-Bus session).</source>
        <extracomment>Environment variable with an API key for automation; read, never persisted.</extracomment>
        <translation>Sistemde anahtar deposu yok (Secret Service / D-Bus oturumu yok).</translation>
    </message>
    <message>
        <source>The API key will be kept in memory for this session only.</source>
        <translation>API anahtarı yalnızca bu oturum boyunca bellekte tutulacak.</translation>
    </message>
    <message>
        <source>Install and unlock a keyring such as GNOME Keyring or KWallet, or set AGENTBAR_API_KEY.</source>
        <translation>GNOME Keyring veya KWallet gibi bir anahtar deposu kurup kilidini açın ya da AGENTBAR_API_KEY değişkenini ayarlayın.</translation>
    </message>
    <message>
        <source>The saved API key could not be read.</source>
        <extracomment>The service of the dummy entry ``keyring_round_trip`` stores and deletes again.</extracomment>
        <translation>Kayıtlı API anahtarı okunamadı.</translation>
    </message>
    <message>
        <source>The API key was not saved.</source>
        <translation>API anahtarı kaydedilmedi.</translation>
    </message>
    <message>
        <source>The saved API key could not be removed.</source>
        <translation>Kayıtlı API anahtarı silinemedi.</translation>
    </message>
    <message>
        <source>The system keyring is locked.</source>
        <translation>Sistemin anahtar deposu kilitli.</translation>
    </message>
    <message>
        <source>Unlock it and try again.</source>
        <translation>Kilidini açıp yeniden deneyin.</translation>
    </message>
    <message>
        <source>Check that the keyring is running and unlocked, then try again.</source>
        <translation>Anahtar deposunun çalıştığını ve kilidinin açık olduğunu denetleyip yeniden deneyin.</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <source>The API key command is empty.</source>
        <translation>API anahtarı komutu boş.</translation>
    </message>
    <message>
        <source>The API key command was not found.</source>
        <translation>API anahtarı komutu bulunamadı.</translation>
    </message>
    <message>
        <source>The API key command did not finish in time.</source>
        <translation>API anahtarı komutu zamanında bitmedi.</translation>
    </message>
    <message>
        <source>The API key command could not be started.</source>
        <translation>API anahtarı komutu başlatılamadı.</translation>
    </message>
    <message>
        <source>The API key command failed.</source>
        <translation>API anahtarı komutu başarısız oldu.</translation>
    </message>
    <message>
        <source>The API key command printed no key.</source>
        <translation>API anahtarı komutu bir anahtar yazdırmadı.</translation>
    </message>
    <message>
        <source>The API key installed for this computer could not be read.</source>
        <translation>Bu bilgisayar için kurulan API anahtarı okunamadı.</translation>
    </message>
    <message>
        <source>The API key installed for this computer could not be decrypted on it.</source>
        <translation>Bu bilgisayar için kurulan API anahtarının şifresi bu bilgisayarda çözülemedi.</translation>
    </message>
    <message>
        <source>The API key installed for this computer is empty.</source>
        <translation>Bu bilgisayar için kurulan API anahtarı boş.</translation>
    </message>
    <message>
        <source>The System keychain could not be read.</source>
        <translation>Sistem anahtar zinciri okunamadı.</translation>
    </message>
    <message>
        <source>The System keychain refused to give the API key.</source>
        <translation>Sistem anahtar zinciri API anahtarını vermeyi reddetti.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Server: “%s”</source>
        <translation>Sunucu: “%s”</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Sunucu isteği reddetti.</translation>
    </message>
    <message>
        <source>AgentBar found a problem with its settings or saved data.</source>
        <translation>AgentBar, ayarlarında ya da kayıtlı verilerinde bir sorun buldu.</translation>
    </message>
    <message>
        <source>The details are in the log (menu: Open log folder).</source>
        <translation>Ayrıntılar günlükte (menü: Günlük klasörünü aç).</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>disk dolu</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>izin verilmedi</translation>
    </message>
    <message>
        <source>the file or folder does not exist</source>
        <translation>dosya ya da klasör yok</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>disk salt okunur</translation>
    </message>
    <message>
        <source>the file exists already</source>
        <translation>dosya zaten var</translation>
    </message>
    <message>
        <source>that is a folder</source>
        <translation>bu bir klasör</translation>
    </message>
    <message>
        <source>a disk error (details in the log)</source>
        <translation>bir disk hatası (ayrıntılar günlükte)</translation>
    </message>
</context>
<context>
    <name>phone</name>
    <message>
        <source>empty</source>
        <translation>boş</translation>
    </message>
    <message>
        <source>not a tel:, callto:, sip: or sips: link</source>
        <translation>bir tel:, callto:, sip: veya sips: bağlantısı değil</translation>
    </message>
    <message>
        <source>unsupported URI scheme {scheme}</source>
        <translation>desteklenmeyen bağlantı türü {scheme}</translation>
    </message>
    <message>
        <source>cannot be written as a dialable number</source>
        <translation>aranabilir bir numaraya çevrilemiyor</translation>
    </message>
    <message>
        <source>{text} is not a phone number</source>
        <translation>{text} bir telefon numarası değil</translation>
    </message>
    <message>
        <source>contains characters not allowed in a phone number: {chars}</source>
        <translation>telefon numarasında olamayacak karakterler içeriyor: {chars}</translation>
    </message>
    <message>
        <source>contains letters (letters are not converted to digits)</source>
        <translation>harf içeriyor (harfler rakama çevrilmez)</translation>
    </message>
    <message>
        <source>contains no digits</source>
        <translation>hiç rakam içermiyor</translation>
    </message>
    <message>
        <source>'+' is only allowed once, at the start</source>
        <translation>'+' yalnızca bir kez, başta olabilir</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>çok kısa</translation>
    </message>
    <message>
        <source>not a phone number</source>
        <translation>telefon numarası değil</translation>
    </message>
    <message>
        <source>unknown country code +{cc}</source>
        <translation>bilinmeyen ülke kodu +{cc}</translation>
    </message>
    <message>
        <source>missing the area code</source>
        <translation>alan kodu eksik</translation>
    </message>
    <message>
        <source>not a valid number for region {region}</source>
        <translation>{region} için geçerli bir numara değil</translation>
    </message>
    <message>
        <source>not a valid number for country code +{cc}</source>
        <translation>+{cc} ülke kodu için geçerli bir numara değil</translation>
    </message>
    <message>
        <source>unknown country code</source>
        <translation>bilinmeyen ülke kodu</translation>
    </message>
    <message>
        <source>too short after the international prefix</source>
        <translation>uluslararası önekten sonrası çok kısa</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>çok uzun</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>{limit} karakterden uzun</translation>
    </message>
    <message>
        <source>too short for region {region}</source>
        <translation>{region} için çok kısa</translation>
    </message>
    <message>
        <source>too short for country code +{cc}</source>
        <translation>+{cc} ülke kodu için çok kısa</translation>
    </message>
    <message>
        <source>too long for region {region}</source>
        <translation>{region} için çok uzun</translation>
    </message>
    <message>
        <source>too long for country code +{cc}</source>
        <translation>+{cc} ülke kodu için çok uzun</translation>
    </message>
    <message>
        <source>wrong number of digits for region {region}</source>
        <translation>{region} için hane sayısı yanlış</translation>
    </message>
    <message>
        <source>wrong number of digits for country code +{cc}</source>
        <translation>+{cc} ülke kodu için hane sayısı yanlış</translation>
    </message>
    <message>
        <source>an emergency number</source>
        <translation>bir acil durum numarası</translation>
    </message>
    <message>
        <source>a short service number</source>
        <translation>bir kısa servis numarası</translation>
    </message>
    <message>
        <source>not an extension of this site ({low} to {high} digits)</source>
        <translation>bu santralin dahili numarası değil ({low}–{high} hane)</translation>
    </message>
    <message>
        <source>a premium-rate number</source>
        <translation>ücretli (yüksek tarifeli) bir numara</translation>
    </message>
    <message>
        <source>an international number</source>
        <translation>bir yurt dışı numarası</translation>
    </message>
    <message>
        <source>the text holds {count} numbers</source>
        <extracomment>Longest plain number text accepted (after trimming surrounding whitespace). Longest link accepted; the number inside it is then held to MAX_INPUT_LENGTH. Longest free text searched for the numbers in it (a pasted note or mail signature). At most this many numbers are offered from one text. Characters removed as visual grouping: the spec's space, NBSP, - . ( ) / plus the narrow no-break space, thin space, non-breaking hyphen and en dash that word processors and mail signatures substitute for them. None of them can reach the API. Link schemes we dial, lower case.</extracomment>
        <translation>metinde {count} numara var</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Your settings file was damaged, so AgentBar started with default settings.</source>
        <extracomment>What ``recordings_cache_mb`` accepts; 0 keeps only the recording that is playing. Seconds between two polls while the agent is ready; every other rate (break, call) derives from it (core/polling.py). Break id -&gt; allowed minutes. Template with ``{phone}``, opened in the browser when a call arrives. Screen name -&gt; (x, y) of the toolbar on that screen. A program and its arguments (no shell) whose output's first line is the API key; for IT, in the machine-wide files. The key it gives is never stored (core/key_sources.py). One extra certificate authority (PEM file) to trust besides the system's. The activity log writes dialled and transfer numbers in full (else: the last 4 digits). A link's 2-6 digit number dials only when its length is in this range (inclusive): the site's extensions. Anything shorter or longer is refused. A link to a number outside the region's country asks first (emergency, short service and premium-rate numbers always do). Human-readable notes about ignored values or a damaged file; never contain secrets. True when the user's settings file did not exist. Settings set by the administrator's policy: they win over the user's file.</extracomment>
        <translation>Ayar dosyanız bozulmuştu; AgentBar varsayılan ayarlarla başladı.</translation>
    </message>
    <message>
        <source>Your settings file could not be read, so AgentBar started with defaults.</source>
        <translation>Ayar dosyanız okunamadı; AgentBar varsayılan ayarlarla başladı.</translation>
    </message>
</context>
<context>
    <name>tls</name>
    <message>
        <source>A certificate setting of this computer is not usable, so AgentBar ignores it and uses the system's certificate store.</source>
        <translation>Bu bilgisayarın bir sertifika ayarı kullanılamıyor; AgentBar onu yok sayıp sistemin sertifika deposunu kullanıyor.</translation>
    </message>
    <message>
        <source>The extra certificate authority (ca_file) could not be loaded, so it is not trusted.</source>
        <translation>Ek sertifika yetkilisi (ca_file) yüklenemedi; bu yüzden ona güvenilmiyor.</translation>
    </message>
</context>
</TS>
