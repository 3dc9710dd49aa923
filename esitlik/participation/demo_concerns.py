"""What people raised while Örnek's 3rd plan was prepared (November 2024 – January 2025,
adopted on 5 February 2025).

A concern is (kind, text, target groups, YEEP heading code, Charter article code or None,
decision). A decision is None (still under review), ("taken", action), ("partly", action,
reason) or ("not_taken", reason); an action is named by the start of its Turkish title in
``plans/demo_structure.py``."""

SH = "Engelli bireylerin ailelerine"  # short names of the actions used more than once
NURSERY = "Mahalle kreşleri"
LINE = "7/24 danışma hattı"
SHELTER = "Konukevi kapasitesini"
MANAGERS = "Tüm yöneticilere"

# Raised at the headmen's workshop, each in several neighbourhoods: the demo records 60
# (concern, neighbourhood) pairs, the neighbourhood named in the text.
HEADMEN_CONCERNS = [
    (
        "problem",
        "Parkta akşam aydınlatması yetersiz; kadınlar ve kız çocukları hava karardıktan sonra "
        "parkı kullanamıyor",
        ["women", "girls"],
        "6",
        "21",
        ("taken", "Parklarda aydınlatma"),
    ),
    (
        "problem",
        "Mahallede kreş yok; çalışmak isteyen kadınlar çocuklarını bırakacak yer bulamıyor",
        ["women", "children"],
        "3",
        "16",
        ("taken", NURSERY),
    ),
    (
        "proposal",
        "Muhtarlıkta kadınlar için danışma ve yönlendirme masası kurulsun",
        ["women"],
        "5",
        "22",
        (
            "partly",
            LINE,
            "Her muhtarlıkta masa yerine 7/24 danışma hattı kuruluyor; danışmanlar mahallelere "
            "ayda bir gelecek.",
        ),
    ),
    (
        "need",
        "Yalnız yaşayan yaşlılara evde sağlık ve bakım ziyareti yapılmalı",
        ["elderly"],
        "2",
        "14",
        ("taken", "Yaşlı kadınlara evde sağlık"),
    ),
    (
        "problem",
        "Kaldırımlar ve rampalar tekerlekli sandalye ve bebek arabası için uygun değil",
        ["disabled", "women"],
        "6",
        "25",
        (
            "not_taken",
            "Kaldırım ve rampa düzenlemeleri Fen İşleri'nin 2025 erişilebilirlik programında; "
            "eylem planına ayrıca alınmadı.",
        ),
    ),
    (
        "problem",
        "Son otobüs erken kalkıyor; gece vardiyasından dönen kadınlar uzun yol yürüyor",
        ["women"],
        "6",
        "26",
        ("taken", "Gece ulaşım hatlarında"),
    ),
    (
        "proposal",
        "Kadınlara yönelik meslek edindirme kursları mahallede açılsın",
        ["women"],
        "3",
        "27",
        (
            "partly",
            "Dijital pazarlama kursları",
            "Kurslar dijital pazarlamayla başlıyor; diğer meslek kursları Halk Eğitim Merkezi "
            "ile birlikte açılacak.",
        ),
    ),
    (
        "need",
        "Kız çocukları ortaokuldan sonra okula devam etmiyor; ailelere destek gerekli",
        ["girls"],
        "1",
        "13",
        ("taken", "Ortaöğretimdeki kız öğrencilere"),
    ),
    (
        "need",
        "Mahallede etüt merkezi yok; çocuklar ödevleri için destek alamıyor",
        ["children"],
        "1",
        "13",
        ("taken", "Mahalle etüt merkezlerinde"),
    ),
    (
        "problem",
        "Kanser taraması için hastaneye gitmek zor; tarama mahalleye gelmeli",
        ["women"],
        "2",
        "14",
        ("taken", "Mobil kanser tarama"),
    ),
    (
        "proposal",
        "Muhtarlara şiddet gören kadınları yönlendirme eğitimi verilsin",
        ["everyone"],
        "5",
        "22",
        ("taken", "Muhtarlarla cinsiyet eşitliği"),
    ),
    (
        "problem",
        "Engelli çocuğu olan anneler bakım yükü nedeniyle çalışamıyor",
        ["disabled", "women"],
        "3",
        "17",
        ("taken", SH),
    ),
    (
        "problem",
        "Sahipsiz köpekler yüzünden çocuklar okula yalnız gidemiyor",
        ["children"],
        "6",
        "21",
        (
            "not_taken",
            "Sahipsiz hayvanlar Veteriner İşleri Müdürlüğü'nün görev alanında; talep o "
            "müdürlüğe iletildi.",
        ),
    ),
    (
        "proposal",
        "Mahalle konağında kadınlara ayrılmış spor saatleri olsun",
        ["women"],
        "6",
        "20",
        None,
    ),
    (
        "problem",
        "Şiddet gören kadınların gidebileceği acil barınma yerleri bilinmiyor",
        ["women"],
        "5",
        "22",
        (
            "partly",
            SHELTER,
            "Konukevi kapasitesi artırılıyor; adresler güvenlik nedeniyle duyurulmuyor, "
            "başvurular danışma hattından yapılacak.",
        ),
    ),
    (
        "need",
        "Türkçe bilmeyen mülteci kadınlar belediye hizmetlerinden yararlanamıyor",
        ["refugees", "women"],
        "4",
        "18",
        None,
    ),
    (
        "proposal",
        "Semt pazarında kadın üreticilere ücretsiz tezgâh verilsin",
        ["women"],
        "3",
        "27",
        ("taken", "Kadın kooperatiflerine satış"),
    ),
    (
        "problem",
        "Yaşlılar sosyal yardım başvurusu için uzun kuyrukta bekliyor",
        ["elderly"],
        "6",
        "15",
        (
            "not_taken",
            "Başvurular Ocak 2025'ten beri muhtarlıklardan da alınıyor; sorun plan dışında "
            "çözüldü.",
        ),
    ),
    (
        "problem",
        "Alt geçitlerde aydınlatma yok; kadınlar geçerken kendini güvende hissetmiyor",
        ["women"],
        "6",
        "21",
        (
            "partly",
            "Kadınlarla güvenli kent",
            "Önce kadınlarla yapılacak güvenlik yürüyüşleriyle riskli yerler belirlenecek; "
            "aydınlatma bu tespitlere göre yapılacak.",
        ),
    ),
    (
        "need",
        "Gençlerin mahallede buluşabileceği bir alan yok",
        ["girls", "children"],
        "6",
        "20",
        None,
    ),
]
HEADMEN_INPUTS = 60

# (event title, [concerns]); every concern raised once.
EVENT_CONCERNS = {
    "STK ve Sendikalar Çalıştayı": [
        (
            "proposal",
            "Belediye personeline toplumsal cinsiyet eşitliği eğitimi zorunlu olsun",
            ["staff"],
            "4",
            "6",
            ("taken", MANAGERS),
        ),
        (
            "proposal",
            "Müdür atamalarında kadın oranı izlensin ve her yıl açıklansın",
            ["staff", "women"],
            "4",
            "11",
            ("taken", "Yönetici atamalarında"),
        ),
        (
            "proposal",
            "Kadın Meclisi'nin önerileri belediye meclisinin gündemine alınsın",
            ["women"],
            "4",
            "3",
            ("taken", "Kent konseyi kadın meclisinin"),
        ),
        (
            "need",
            "Belediyede cinsel tacize karşı bir politika ve güvenli başvuru yolu gerekli",
            ["staff", "women"],
            "4",
            "11",
            None,
        ),
        (
            "proposal",
            "Zabıta ve çağrı merkezi personeli şiddet vakalarında yönlendirme eğitimi alsın",
            ["staff"],
            "5",
            "22",
            ("taken", "Zabıta personeline"),
        ),
        (
            "proposal",
            "Şiddet gören kadınlar için 7/24 ulaşılabilen bir hat kurulsun",
            ["women"],
            "5",
            "22",
            ("taken", LINE),
        ),
        (
            "need",
            "Konukevi kapasitesi yetersiz; çocuklu kadınlar için yer ayrılmalı",
            ["women", "children"],
            "5",
            "22",
            ("taken", SHELTER),
        ),
        (
            "proposal",
            "Okullarda toplumsal cinsiyet kalıp yargılarına karşı atölyeler yapılsın",
            ["children"],
            "1",
            "6",
            ("taken", "Okullarda kalıp yargılarla"),
        ),
        (
            "proposal",
            "Belediye ihalelerinde eşit ücret ve kadın istihdamı şartı aransın",
            ["women"],
            "3",
            "12",
            (
                "not_taken",
                "Kamu ihale mevzuatı ihale şartlarına bu tür bir ölçüt eklenmesine izin "
                "vermiyor; yüklenicilere gönüllü bir eşitlik ilkeleri metni önerilecek.",
            ),
        ),
        (
            "proposal",
            "Kadın kooperatiflerine dijital pazarlama desteği verilsin",
            ["women"],
            "3",
            "27",
            ("taken", "Dijital pazarlama kursları"),
        ),
        (
            "proposal",
            "Bütçede eşitliğe ayrılan harcamalar etiketlensin ve raporlansın",
            ["everyone"],
            "4",
            "9",
            None,
        ),
        (
            "need",
            "LGBTİ+ bireylerin belediye hizmetlerinde karşılaştığı ayrımcılık izlenmeli",
            ["lgbti"],
            "4",
            "10",
            None,
        ),
        (
            "proposal",
            "Babalara yönelik baba destek programları yaygınlaştırılsın",
            ["men"],
            "1",
            "17",
            (
                "not_taken",
                "Program bir sivil toplum kuruluşuyla yürütülüyor; belediye salon desteği "
                "veriyor, plana ayrı eylem olarak alınmadı.",
            ),
        ),
        (
            "proposal",
            "Sendika temsilcileriyle iş yerinde eşitlik eğitimi düzenlensin",
            ["staff"],
            "4",
            "11",
            (
                "partly",
                MANAGERS,
                "Eğitim önce yöneticilere veriliyor; sendika temsilcileri ikinci yıl katılacak.",
            ),
        ),
        (
            "proposal",
            "Belediyenin hizmet verileri cinsiyete göre ayrıştırılarak yayımlansın",
            ["everyone"],
            "4",
            "9",
            None,
        ),
        (
            "proposal",
            "Şiddetle mücadelede baro ile iş birliği protokolü yapılsın",
            ["women"],
            "5",
            "5",
            (
                "partly",
                LINE,
                "Hukuki danışma hattın bir parçası olacak; ayrı bir protokol 2026'da "
                "değerlendirilecek.",
            ),
        ),
        (
            "need",
            "Bakım veren kadınlara geçici bakım (nefes alma) hizmeti sunulmalı",
            ["women", "disabled", "elderly"],
            "3",
            "17",
            (
                "partly",
                SH,
                "Engelli bireylerin aileleri için gündüz bakım başlıyor; yaşlı bakımı bir "
                "sonraki plana bırakıldı.",
            ),
        ),
        (
            "need",
            "Mülteci kadınlar için tercümanlı danışmanlık gerekli",
            ["refugees", "women"],
            "5",
            "22",
            None,
        ),
        (
            "problem",
            "Engelli kadınlar şiddete karşı destek hizmetlerine ulaşamıyor",
            ["disabled", "women"],
            "5",
            "22",
            (
                "partly",
                SHELTER,
                "Konukevi erişilebilir hâle getirilecek; ayrı bir hizmet modeli sonraki planda.",
            ),
        ),
        (
            "need",
            "Kadın muhtar sayısı çok az; aday olmak isteyen kadınlara destek verilmeli",
            ["women"],
            "4",
            "2",
            None,
        ),
    ],
    "Kadınlarla odak grup — Örnekköy": [
        (
            "problem",
            "Akşam kursları bitince eve dönüş yolu karanlık",
            ["women"],
            "6",
            "21",
            ("taken", "Parklarda aydınlatma"),
        ),
        (
            "need",
            "Çocuğu olan kadınlar için kurs saatlerinde çocuk bakım desteği",
            ["women", "children"],
            "3",
            "16",
            ("taken", NURSERY),
        ),
        (
            "proposal",
            "Kadın sağlığı günleri mahalle konağında yapılsın",
            ["women"],
            "2",
            "14",
            ("taken", "Mobil kanser tarama"),
        ),
        (
            "problem",
            "Kadınlar şiddet durumunda nereye başvuracaklarını bilmiyor",
            ["women"],
            "5",
            "22",
            ("taken", LINE),
        ),
    ],
    "Yaşlılarla odak grup": [
        (
            "need",
            "Evden çıkamayan yaşlılara düzenli sağlık kontrolü",
            ["elderly"],
            "2",
            "14",
            ("taken", "Yaşlı kadınlara evde sağlık"),
        ),
        (
            "problem",
            "Yaşlı kadınlar yalnızlık ve ihmal yaşıyor; kimse fark etmiyor",
            ["elderly", "women"],
            "2",
            "15",
            None,
        ),
        (
            "proposal",
            "Parklara yaşlılar için gölgelik ve oturma yerleri konsun",
            ["elderly"],
            "6",
            "25",
            (
                "not_taken",
                "Park mobilyaları Park ve Bahçeler'in olağan bakım programında yenileniyor.",
            ),
        ),
        (
            "need",
            "Yaşlılar için ücretsiz ve erişilebilir ulaşım",
            ["elderly"],
            "6",
            "26",
            None,
        ),
    ],
    "Engelli kadınlarla odak grup": [
        (
            "problem",
            "Belediye binalarının çoğunda asansör ve engelli tuvaleti yok",
            ["disabled"],
            "6",
            "25",
            None,
        ),
        (
            "need",
            "Engelli çocukların anneleri için gündüz bakım",
            ["disabled", "women"],
            "3",
            "17",
            ("taken", SH),
        ),
        (
            "problem",
            "İşitme engelli kadınlar danışma merkezine işaret dili olmadan başvuramıyor",
            ["disabled", "women"],
            "5",
            "22",
            (
                "partly",
                LINE,
                "Danışma hattı görüntülü işaret dili desteğiyle kuruluyor; merkezde tercüman "
                "bütçe nedeniyle 2026'da.",
            ),
        ),
        (
            "problem",
            "Engelli kadınlar kanser taramasına ulaşamıyor",
            ["disabled", "women"],
            "2",
            "14",
            ("taken", "Mobil kanser tarama"),
        ),
    ],
    "Gençlerle odak grup": [
        (
            "need",
            "Gençlere cinsel sağlık konusunda güvenilir danışmanlık",
            ["girls"],
            "2",
            "14",
            ("taken", "Gençlere cinsel sağlık"),
        ),
        (
            "proposal",
            "Kız öğrencilere üniversite hazırlık bursu",
            ["girls"],
            "1",
            "13",
            ("taken", "Ortaöğretimdeki kız öğrencilere"),
        ),
        (
            "problem",
            "Spor tesislerinde kız öğrencilere ayrılan saatler çok az",
            ["girls"],
            "6",
            "20",
            None,
        ),
        (
            "proposal",
            "Gençlik Meclisi'nde kız ve erkeklerin eşit temsili",
            ["girls"],
            "4",
            "3",
            (
                "not_taken",
                "Gençlik Meclisi'nin yapısını kent konseyi belirliyor; öneri kent konseyine "
                "iletildi.",
            ),
        ),
    ],
    "Mülteci kadınlarla odak grup": [
        (
            "need",
            "Türkçe kursları çocuk bakımıyla birlikte sunulsun",
            ["refugees", "women"],
            "1",
            "13",
            None,
        ),
        (
            "problem",
            "Mülteci kadınlar sağlık hizmetlerinde dil engeli yaşıyor",
            ["refugees", "women"],
            "2",
            "14",
            None,
        ),
        (
            "need",
            "Şiddet durumunda anadilinde bilgi",
            ["refugees", "women"],
            "5",
            "22",
            (
                "partly",
                LINE,
                "Danışma hattında Arapça ve Farsça destek olacak; basılı bilgi 2026'da.",
            ),
        ),
    ],
    "Kadın kooperatifleriyle odak grup": [
        (
            "problem",
            "Kooperatif ürünlerini satacak kalıcı bir yer yok",
            ["women"],
            "3",
            "27",
            ("taken", "Kadın kooperatiflerine satış"),
        ),
        (
            "need",
            "Kooperatiflere internetten satış eğitimi",
            ["women"],
            "3",
            "27",
            ("taken", "Dijital pazarlama kursları"),
        ),
        (
            "proposal",
            "Belediye etkinliklerinde ikram kooperatiflerden alınsın",
            ["women"],
            "3",
            "12",
            None,
        ),
    ],
    "Kadın muhtarlarla odak grup": [
        (
            "problem",
            "Kadın muhtarlar muhtarlar toplantılarında söz alamıyor",
            ["women"],
            "4",
            "3",
            ("taken", "Muhtarlarla cinsiyet eşitliği"),
        ),
        (
            "proposal",
            "Kadın muhtarlar arasında deneyim paylaşım ağı kurulsun",
            ["women"],
            "4",
            "5",
            None,
        ),
    ],
    "Kent Konseyi Kadın Meclisi toplantısı": [
        (
            "proposal",
            "Kadın Meclisi'ne sekretarya desteği ve bütçe verilsin",
            ["women"],
            "4",
            "3",
            ("taken", "Kent konseyi kadın meclisinin"),
        ),
        (
            "proposal",
            "Kentte kadınlarla güvenlik yürüyüşleri yapılsın",
            ["women"],
            "6",
            "21",
            ("taken", "Kadınlarla güvenli kent"),
        ),
    ],
    "İzmir Barosu Kadın Hakları Merkezi ile toplantı": [
        (
            "proposal",
            "Danışma merkezine gelen kadınlara ücretsiz hukuki danışmanlık",
            ["women"],
            "5",
            "22",
            ("partly", LINE, "Hukuki danışmanlık hat üzerinden ve haftada bir gün merkezde."),
        ),
    ],
    "Körfez Üniversitesi ile toplantı": [
        (
            "proposal",
            "Hizmet kullanımına ilişkin verilerin cinsiyete göre tutulması",
            ["everyone"],
            "4",
            "9",
            None,
        ),
    ],
    "Taslak planın kamuoyuyla paylaşılması": [
        (
            "proposal",
            "Gece otobüslerinde kadınlar için istek üzerine durak",
            ["women"],
            "6",
            "26",
            ("taken", "Gece ulaşım hatlarında"),
        ),
        (
            "need",
            "Kreşlerin açılış saatleri vardiyalı çalışan kadınlara uysun",
            ["women", "children"],
            "3",
            "16",
            ("taken", NURSERY),
        ),
        (
            "proposal",
            "Planın ilerlemesi her yıl halka açık bir toplantıda anlatılsın",
            ["everyone"],
            "4",
            "7",
            None,
        ),
        (
            "problem",
            "Plan taslağı engelli kişiler için erişilebilir biçimde yayımlanmadı",
            ["disabled"],
            "4",
            "7",
            (
                "not_taken",
                "Taslak yalnızca görüş için paylaşıldı; kabul edilen plan erişilebilir PDF ve "
                "sesli özetle yayımlanacak.",
            ),
        ),
    ],
}

# Sent in by organisations on their own: (stakeholder, received on, concern).
SENT_IN = [
    (
        "Yaşlılarla Dayanışma Derneği",
        (2025, 1, 9),
        (
            "proposal",
            "Yaşlılara yönelik evde bakım hizmetine erkek yaşlılar da dâhil edilsin",
            ["elderly", "men"],
            "2",
            "15",
            None,
        ),
    ),
    (
        "Mülteci Kadınlarla Dayanışma Derneği",
        (2025, 1, 14),
        (
            "need",
            "Mülteci kadınlar için kadın danışma merkezinde tercüman",
            ["refugees", "women"],
            "5",
            "22",
            ("partly", LINE, "Tercüman desteği önce danışma hattında sağlanacak."),
        ),
    ),
    (
        "Örnek Esnaf ve Sanatkârlar Odası",
        (2025, 1, 20),
        (
            "proposal",
            "Kadın esnafa kira desteği verilsin",
            ["women"],
            "3",
            "27",
            (
                "not_taken",
                "Belediyenin doğrudan kira desteği verme yetkisi yok; kadın esnaf kooperatif "
                "satış alanından yararlanabilecek.",
            ),
        ),
    ),
    (
        "Örnek Kent Konseyi Engelliler Meclisi",
        (2025, 1, 27),
        (
            "problem",
            "Duraklarda sesli anons ve dokunsal yüzey yok",
            ["disabled"],
            "6",
            "26",
            None,
        ),
    ),
]
