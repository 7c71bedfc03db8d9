"""The shipped catalogue in Spanish (usted), translated from each exercise's English.

`checked_against` is english_fingerprint() of the English the Spanish was checked
against (exercises/models.py). Change an exercise's English in its module and the
tests name it until its Spanish here is brought in line and the hash updated:

    python manage.py shell -c "from exercises.catalogue import fingerprints; fingerprints()"
"""

# The equipment, by slug.
EQUIPMENT = {
    "mat": "Esterilla",
    "cushion": "Cojín o almohada",
    "chair": "Silla firme o encimera",
    "towel": "Toalla o cinta",
    "band": "Banda elástica",
}

SPANISH = {
    "glute-bridge": {
        "checked_against": "79433651d9c1e527",
        "name": "Puente de glúteos",
        "summary": "Fortalece los glúteos y los músculos que rodean el tronco.",
        "target": "Los glúteos y los músculos que rodean el tronco (glúteo mayor, zona media)",
        "start_position": (
            "Túmbese boca arriba con las rodillas dobladas y los pies apoyados en el suelo, "
            "separados al ancho de las caderas. Deje los brazos a los lados del cuerpo."
        ),
        "cues": (
            "Apriete suavemente los músculos del abdomen.\n"
            "Empuje con los talones y apriete los glúteos para subir la cadera.\n"
            "Pare cuando los hombros, la cadera y las rodillas formen una línea recta.\n"
            "Mantenga la posición arriba el tiempo indicado, sin dejar de respirar.\n"
            "Baje la cadera despacio hasta el suelo."
        ),
        "mistakes": (
            "Subir demasiado y arquear la espalda: pare en la línea recta de los hombros a "
            "las rodillas.\n"
            "Calambre en la parte de atrás del muslo (isquiotibiales): acerque un poco los "
            "pies a los glúteos, o deje que las rodillas se separen un poco."
        ),
        "easier_tip": (
            "Suba la cadera solo un poco: el puente parcial. O deje la cadera en el suelo y "
            "solo incline la pelvis, apoyando la parte baja de la espalda contra el suelo."
        ),
        "harder_tip": (
            "Todavía no hay en la biblioteca un ejercicio más difícil que este. Arriba, "
            "levante un poco un pie del suelo y vuelva a apoyarlo, luego el otro, como si "
            "marchara; más adelante, su profesional sanitario puede enseñarle el puente sobre "
            "una sola pierna."
        ),
        "cautions": (
            "Pare si aumenta el dolor, el hormigueo o el entumecimiento en la pierna.\n"
            "Pare si los síntomas empeoran o aparece un dolor nuevo."
        ),
        "illustration_alt": (
            "Una persona tumbada boca arriba con las rodillas dobladas sube la cadera hasta "
            "que los hombros, la cadera y las rodillas forman una línea recta."
        ),
    },
    "clamshell": {
        "checked_against": "70fd6b14c436e136",
        "name": "Almeja",
        "summary": "Fortalece los músculos del lateral de la cadera y del glúteo.",
        "target": "El lateral de la cadera y del glúteo (glúteo medio y menor)",
        "start_position": (
            "Túmbese de lado con las caderas y las rodillas una encima de la otra, la cadera "
            "un poco doblada hacia delante y las rodillas dobladas en ángulo recto. Los "
            "talones quedan en línea con el coxis, y la cabeza descansa sobre una almohada."
        ),
        "cues": (
            "Gire un poco hacia delante la cadera de arriba y mantenga los pies juntos todo el tiempo.\n"
            "Suba la rodilla de arriba despacio, mientras cuenta hasta 2.\n"
            "Mantenga la pelvis quieta: suba la rodilla solo hasta donde la pelvis no se mueva.\n"
            "Baje la rodilla despacio, mientras cuenta hasta 2.\n"
            "Respire con normalidad todo el rato."
        ),
        "mistakes": (
            "La cadera de arriba se va hacia atrás: suba menos la rodilla y mantenga las "
            "caderas una encima de la otra.\n"
            "El cuerpo se balancea o gira: suba menos y mantenga el tronco quieto.\n"
            "Aguantar la respiración: suelte el aire al subir."
        ),
        "easier_tip": "Suba menos la rodilla y haga menos repeticiones.",
        "harder_tip": "Haga la almeja con una banda elástica cerrada justo por encima de las rodillas.",
        "cautions": (
            "Pare si le produce dolor de espalda o de cadera, o si ya no puede mantener la "
            "cadera quieta."
        ),
        "illustration_alt": (
            "Una persona tumbada de lado con las rodillas dobladas y los pies juntos sube la "
            "rodilla de arriba, como una almeja que se abre."
        ),
    },
}
