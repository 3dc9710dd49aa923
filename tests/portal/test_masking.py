from esitlik.portal.masking import mask_identifiers


def test_it_masks_e_mail_addresses_phone_numbers_and_id_numbers():
    text = mask_identifiers(
        "Yazın: ayse.yilmaz@example.org veya +90 (532) 123 45 67; TC 10000000146, ev 0232 123 45 67"
    )
    assert "example.org" not in text
    assert "532" not in text and "0232" not in text
    assert "10000000146" not in text
    assert text.startswith("Yazın: ••• ")


def test_it_masks_any_eleven_digits_even_with_wrong_check_digits():
    assert "12345678901" not in mask_identifiers("numara 12345678901 idi")


def test_it_leaves_ordinary_numbers_alone():
    assert mask_identifiers("2025 yılında 231 personel") == "2025 yılında 231 personel"
