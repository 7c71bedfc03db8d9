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
    "standing-hip-flexor-stretch": {
        "checked_against": "0fd4f9e15aedb4d8",
        "name": "Estiramiento del flexor de la cadera de pie",
        "summary": "Estira con suavidad la parte delantera de la cadera, de pie y sin arrodillarse.",
        "target": (
            "La parte delantera de la cadera y la parte alta del muslo de la pierna de atrás "
            "(flexores de la cadera)"
        ),
        "start_position": (
            "Póngase de pie al lado de una silla firme o de una pared y apoye una mano en ella. "
            "Lleve hacia atrás la pierna del lado que va a estirar, de modo que los pies queden "
            "a un paso largo de distancia, y deje que se levante el talón de ese pie de atrás."
        ),
        "cues": (
            "Mantenga el cuerpo erguido, con los hombros encima de las caderas.\n"
            "Meta el coxis hacia dentro y apriete el glúteo de la pierna de atrás.\n"
            "Doble un poco la rodilla de delante y lleve la cadera suavemente hacia delante.\n"
            "Pare cuando note un estiramiento suave en la parte delantera de la cadera de atrás.\n"
            "Mantenga la posición sin dejar de respirar y luego cambie de pierna."
        ),
        "mistakes": (
            "Arquear la parte baja de la espalda: vuelva a meter el coxis hacia dentro.\n"
            "Inclinar el cuerpo hacia delante: mantenga los hombros encima de las caderas.\n"
            "Ir demasiado lejos: avance solo hasta notar una tensión leve."
        ),
        "easier_tip": "Dé un paso más corto y avance menos la cadera.",
        "harder_tip": (
            "Cuando le resulte fácil, pruebe el estiramiento del flexor de la cadera con una "
            "rodilla en el suelo."
        ),
        "cautions": (
            "Sujétese a la silla o a la pared si no tiene un buen equilibrio.\n"
            "Pare si nota dolor en lugar de una tensión leve.\n"
            "Si le han puesto una prótesis de cadera por delante (abordaje anterior), "
            "consulte antes con su cirujano o su fisioterapeuta: no debe llevar esa cadera "
            "demasiado hacia atrás."
        ),
        "illustration_alt": (
            "Una persona de pie, con un paso largo y una mano en una silla, mete el coxis hacia "
            "dentro y lleva la cadera hacia delante para estirar la parte delantera de la "
            "cadera de atrás."
        ),
    },
    "hip-flexor-stretch": {
        "checked_against": "9db10bf1c77925fe",
        "name": "Estiramiento del flexor de la cadera con una rodilla en el suelo",
        "summary": (
            "Estira con suavidad la parte delantera de la cadera del lado de la rodilla que "
            "apoya en el suelo."
        ),
        "target": (
            "La parte delantera de la cadera y la parte alta del muslo del lado de la rodilla "
            "apoyada (flexores de la cadera: psoas ilíaco, recto femoral)"
        ),
        "start_position": (
            "Apoye en el suelo la rodilla del lado que va a estirar, con un cojín o una toalla "
            "doblada debajo, y ponga el otro pie plano en el suelo, delante de usted. Las dos "
            "rodillas quedan dobladas más o menos en ángulo recto. Tenga al lado una silla "
            "firme para sujetarse si lo necesita."
        ),
        "cues": (
            "Mantenga el tronco erguido, de modo que la oreja, el hombro, la cadera y la rodilla "
            "formen una línea recta.\n"
            "Meta el coxis hacia dentro y apriete el glúteo del lado de la rodilla apoyada.\n"
            "Lleve el peso despacio hacia delante hasta notar un estiramiento en la parte "
            "delantera de la cadera de atrás.\n"
            "Mantenga la posición y respire despacio.\n"
            "Vuelva a la posición inicial y, con calma, cambie de rodilla y de lado."
        ),
        "mistakes": (
            "Ir demasiado hacia delante: avance solo hasta notar una tensión leve.\n"
            "Arquear la parte baja de la espalda: vuelva a meter el coxis hacia dentro.\n"
            "Dejar caer o hundir la cadera: apriete el glúteo del lado de la rodilla apoyada y "
            "mantenga el tronco erguido."
        ),
        "easier_tip": (
            "Apoye una mano en la silla para mantener el equilibrio. Si le cuesta apoyar la "
            "rodilla, haga el estiramiento del flexor de la cadera de pie."
        ),
        "harder_tip": (
            "No hay en la biblioteca un ejercicio más difícil que este. Para que cueste más, "
            "levante por encima de la cabeza el brazo del lado de la rodilla apoyada mientras "
            "lleva la cadera hacia delante."
        ),
        "cautions": (
            "Apoye siempre la rodilla sobre un cojín; si aun así le duele, haga la versión de "
            "pie.\n"
            "Pare si nota dolor en lugar de una tensión leve.\n"
            "Si le han puesto una prótesis de cadera por delante (abordaje anterior), "
            "consulte antes con su cirujano o su fisioterapeuta: no debe llevar esa cadera "
            "demasiado hacia atrás."
        ),
        "illustration_alt": (
            "Una persona con una rodilla en el suelo y el otro pie delante lleva la cadera hacia "
            "delante para estirar la parte delantera de la cadera de atrás."
        ),
    },
    "partial-bridge": {
        "checked_against": "715d05e6f35f15aa",
        "name": "Puente parcial",
        "summary": "Un puente más pequeño que pone en marcha los glúteos sin subir mucho la cadera.",
        "target": "Los glúteos y los músculos que rodean el tronco (glúteo mayor, zona media)",
        "start_position": (
            "Túmbese boca arriba con las rodillas dobladas y los pies apoyados en el suelo, "
            "separados al ancho de las caderas. Deje los brazos a los lados del cuerpo."
        ),
        "cues": (
            "Apriete suavemente los músculos del abdomen.\n"
            "Apriete los glúteos y suba la cadera solo un poco, más o menos el ancho de una mano.\n"
            "Mantenga la posición el tiempo indicado, sin dejar de respirar.\n"
            "Baje la cadera despacio hasta el suelo."
        ),
        "mistakes": (
            "Subir mucho: en este ejercicio basta con subir un poco.\n"
            "Aguantar la respiración: suelte el aire al subir."
        ),
        "easier_tip": (
            "Deje la cadera en el suelo y solo incline la pelvis, apoyando la parte baja de la "
            "espalda contra el suelo; luego relájela."
        ),
        "harder_tip": "Cuando le resulte fácil, suba más: el puente de glúteos completo.",
        "cautions": (
            "Pare si aumenta el dolor, el hormigueo o el entumecimiento en la pierna.\n"
            "Pare si los síntomas empeoran o aparece un dolor nuevo."
        ),
        "illustration_alt": (
            "Una persona tumbada boca arriba con las rodillas dobladas separa un poco la cadera "
            "del suelo."
        ),
    },
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
    "band-clamshell": {
        "checked_against": "64924a1ee9b1acc2",
        "name": "Almeja con banda elástica",
        "summary": (
            "La almeja con una banda elástica cerrada, para que el lateral de la cadera "
            "trabaje más."
        ),
        "target": "El lateral de la cadera y del glúteo (glúteo medio y menor)",
        "start_position": (
            "Póngase una banda elástica cerrada y suave alrededor de las piernas, justo por "
            "encima de las rodillas. Túmbese de lado con las caderas y las rodillas una encima "
            "de la otra, la cadera un poco doblada hacia delante y las rodillas dobladas en "
            "ángulo recto. Apoye la cabeza en una almohada."
        ),
        "cues": (
            "Gire un poco hacia delante la cadera de arriba y mantenga los pies juntos.\n"
            "Suba la rodilla de arriba despacio contra la banda, mientras cuenta hasta 2.\n"
            "Mantenga la pelvis quieta: suba la rodilla solo hasta donde la pelvis no se mueva.\n"
            "Baje la rodilla despacio, mientras cuenta hasta 2.\n"
            "Respire con normalidad todo el rato."
        ),
        "mistakes": (
            "La cadera de arriba se va hacia atrás: suba menos la rodilla o use una banda más "
            "suave.\n"
            "El cuerpo se balancea o gira: suba menos y mantenga el tronco quieto.\n"
            "Una banda tan dura que apenas puede subir la rodilla: use una más suave."
        ),
        "easier_tip": "Quítese la banda: la almeja sin banda.",
        "harder_tip": (
            "No hay en la biblioteca un ejercicio más difícil que este. Más adelante, su "
            "profesional sanitario puede enseñarle a elevar la pierna de lado."
        ),
        "cautions": (
            "Pare si le produce dolor de espalda o de cadera, o si ya no puede mantener la "
            "cadera quieta."
        ),
        "illustration_alt": (
            "Una persona tumbada de lado con las rodillas dobladas, los pies juntos y una banda "
            "por encima de las rodillas sube la rodilla de arriba contra la banda."
        ),
    },
    "split-squat": {
        "checked_against": "d31d30113c27af10",
        "name": "Zancada estática con apoyo",
        "summary": "Fortalece las piernas y los glúteos mientras se sujeta a un apoyo.",
        "target": "La parte delantera de los muslos y los glúteos (cuádriceps, glúteos)",
        "start_position": (
            "Póngase de pie al lado de una silla firme o de la encimera de la cocina y "
            "sujétese con una mano. Lleve hacia delante la pierna del lado que va a trabajar "
            "(pie izquierdo, lado izquierdo), de modo que los pies queden a un paso largo de "
            "distancia, y deje que se levante el talón del pie de atrás."
        ),
        "cues": (
            "Mantenga el cuerpo erguido, con los hombros encima de las caderas.\n"
            "Doble las dos rodillas y baje la rodilla de atrás hacia el suelo.\n"
            "Mantenga la rodilla de delante en línea con el pie.\n"
            "Baje solo hasta donde le resulte cómodo y luego empuje con el pie de delante para "
            "subir.\n"
            "Haga todas las repeticiones de ese lado y luego cambie de pierna."
        ),
        "mistakes": (
            "La rodilla de delante se va hacia dentro: manténgala encima del pie y baje menos.\n"
            "Inclinarse hacia delante: mantenga el cuerpo recto, como si bajara deslizándose "
            "por una pared.\n"
            "Los pies demasiado juntos: dé un paso más largo para que puedan doblarse las dos "
            "rodillas."
        ),
        "easier_tip": "Baje menos y sujétese con las dos manos.",
        "harder_tip": "Cuando le resulte fácil, pruebe la zancada con giro.",
        "cautions": (
            "Pare si nota un dolor agudo en la rodilla.\n"
            "Pare si los síntomas empeoran o aparece un dolor nuevo."
        ),
        "illustration_alt": (
            "Una persona de pie, con un paso largo y sujeta a una silla, dobla las dos rodillas "
            "y baja la rodilla de atrás hacia el suelo con el cuerpo recto."
        ),
    },
    "lunge-with-twist": {
        "checked_against": "186e9df1bdb34ca2",
        "name": "Zancada con giro",
        "summary": (
            "Fortalece las piernas y los glúteos mientras practica girar la parte de arriba del "
            "cuerpo con control."
        ),
        "target": (
            "La parte delantera de los muslos, los glúteos, la parte delantera de la cadera de "
            "atrás y el control al girar el tronco (cuádriceps, glúteos, flexores de la cadera, "
            "rotación del tronco)"
        ),
        "start_position": (
            "Póngase de pie, con el cuerpo erguido y los pies separados al ancho de las "
            "caderas, cerca de una silla firme o de una pared que pueda alcanzar. Cruce los "
            "brazos sobre el pecho o junte las manos delante de él."
        ),
        "cues": (
            "Dé un paso adelante con la pierna del lado que va a trabajar (pie izquierdo, lado "
            "izquierdo) y doble las dos rodillas hasta más o menos un ángulo recto.\n"
            "Mantenga la rodilla de delante en línea con el pie.\n"
            "Gire el pecho hacia la rodilla de delante, con la cadera mirando al frente.\n"
            "Vuelva al centro y empuje con el pie de delante para volver a la posición inicial.\n"
            "Haga todas las zancadas de ese lado y luego cambie de pierna."
        ),
        "mistakes": (
            "La rodilla de delante se va hacia dentro: manténgala encima del pie y baje menos.\n"
            "La cadera gira con los hombros: mantenga la cadera mirando al frente y gire solo "
            "el pecho.\n"
            "Mover solo los brazos: manténgalos cruzados y gire todo el pecho.\n"
            "Ir deprisa o dar un paso corto: muévase despacio y dé un paso lo bastante largo "
            "para que las dos rodillas se doblen con comodidad."
        ),
        "easier_tip": (
            "Haga la zancada estática, sin giro, sujetándose a un apoyo. Baje solo hasta donde "
            "pueda mantener la rodilla de delante en línea con el pie."
        ),
        "harder_tip": (
            "Esta es la versión más difícil de la biblioteca. Haga una pausa de 1 a 2 segundos "
            "con el pecho girado; más adelante, su profesional sanitario puede enseñarle la "
            "zancada con giro caminando."
        ),
        "cautions": (
            "Pare si nota un dolor agudo en la rodilla o una tensión en la espalda por girar "
            "demasiado.\n"
            "Si le han puesto una prótesis de cadera, consulte antes con su cirujano o su "
            "fisioterapeuta: girar el cuerpo de pie está restringido las primeras semanas."
        ),
        "illustration_alt": (
            "Una persona con los brazos cruzados da un paso adelante en zancada y gira el pecho "
            "hacia la rodilla de delante, con la cadera mirando al frente."
        ),
    },
    "chair-sit-to-stand": {
        "checked_against": "e7ef2483a4400497",
        "name": "Levantarse de una silla",
        "summary": (
            "Practica el gesto de levantarse de una silla, que fortalece las piernas y los glúteos."
        ),
        "target": "La parte delantera de los muslos y los glúteos (cuádriceps, glúteos)",
        "start_position": (
            "Siéntese cerca del borde de una silla firme, con el respaldo contra una pared. "
            "Ponga los pies planos en el suelo, separados al ancho de las caderas y un poco "
            "por detrás de las rodillas. Cruce los brazos sobre el pecho."
        ),
        "cues": (
            "Inclínese un poco hacia delante, hasta tener la nariz encima de los dedos de los "
            "pies.\n"
            "Empuje con los pies y póngase de pie, con el cuerpo erguido.\n"
            "Haga una pausa de pie un momento.\n"
            "Vuelva a sentarse despacio, con control."
        ),
        "mistakes": (
            "Dejarse caer en la silla: baje despacio.\n"
            "Las rodillas se van hacia dentro: manténgalas apuntando hacia los dedos de los pies."
        ),
        "easier_tip": (
            "Use un asiento más alto o una silla con reposabrazos, y empuje con las manos en "
            "los reposabrazos."
        ),
        "harder_tip": "Cuando le resulte fácil, pruebe la sentadilla profunda con apoyo.",
        "cautions": (
            "Use una silla que no pueda resbalar, con el respaldo contra una pared.\n"
            "Pare si los síntomas empeoran o aparece un dolor nuevo."
        ),
        "illustration_alt": (
            "Una persona sentada cerca del borde de una silla, con los brazos cruzados, se "
            "inclina hacia delante y se pone de pie con el cuerpo erguido."
        ),
    },
    "deep-squat": {
        "checked_against": "b8d7546f04dd2d4d",
        "name": "Sentadilla profunda con apoyo",
        "summary": (
            "Practica doblar mucho las caderas, las rodillas y los tobillos mientras se sujeta "
            "a un apoyo, y trabaja los muslos."
        ),
        "target": (
            "Doblar las caderas, las rodillas y los tobillos, y la parte delantera de los "
            "muslos y los glúteos (flexión de cadera, rodilla y tobillo; cuádriceps, glúteos)"
        ),
        "start_position": (
            "Póngase de pie frente a la encimera de la cocina o a una silla firme y sujétese "
            "con las dos manos más o menos a la altura de la cintura. Separe los pies al ancho "
            "de los hombros o un poco más, con las puntas hacia delante o ligeramente hacia "
            "fuera. Ponga una silla detrás de usted, para poder sentarse si lo necesita."
        ),
        "cues": (
            "Lleve la cadera hacia atrás y hacia abajo hasta una profundidad cómoda.\n"
            "Mantenga la cadera, las rodillas y las puntas de los pies mirando hacia el mismo "
            "lado.\n"
            "Mantenga los talones en el suelo.\n"
            "Muévase despacio y no rebote abajo.\n"
            "Suelte el aire y apriete los glúteos para volver a subir."
        ),
        "mistakes": (
            "Las rodillas se van hacia dentro: manténgalas apuntando hacia los dedos de los "
            "pies y baje menos.\n"
            "Los talones se levantan: no baje tanto.\n"
            "Rebotar abajo: baje despacio y suba despacio."
        ),
        "easier_tip": "Baje menos, o haga en su lugar el ejercicio de levantarse de una silla.",
        "harder_tip": (
            "No hay en la biblioteca un ejercicio más difícil que este. Haga una pausa de unos "
            "segundos abajo, sujétese con menos fuerza y, si le resulta cómodo, baje más."
        ),
        "cautions": (
            "Si le duele la rodilla, baje solo hasta donde no haya dolor; no debe tener dolor "
            "ni hinchazón más tarde ese día ni al día siguiente.\n"
            "Si le han puesto una prótesis de cadera por detrás o por el lateral, no haga "
            "sentadillas ni doble la cadera más allá de un ángulo recto durante al menos 6 "
            "semanas, o hasta que su cirujano le diga que puede."
        ),
        "illustration_alt": (
            "Una persona se sujeta a una encimera con las dos manos y lleva la cadera hacia "
            "atrás y hacia abajo hasta una profundidad cómoda, con los talones en el suelo y "
            "una silla detrás."
        ),
    },
    "hamstring-stretch": {
        "checked_against": "a07d0ebc346b46ef",
        "name": "Estiramiento de isquiotibiales boca arriba",
        "summary": (
            "Estira con suavidad la parte de atrás del muslo mientras el suelo sostiene la espalda."
        ),
        "target": "La parte de atrás del muslo (isquiotibiales)",
        "start_position": (
            "Túmbese boca arriba con las dos rodillas dobladas y los pies apoyados en el suelo. "
            "Pase una toalla o una cinta por detrás de un muslo o alrededor de ese pie."
        ),
        "cues": (
            "Apriete suavemente los músculos del abdomen.\n"
            "Con ayuda de la toalla, suba esa pierna hacia el techo.\n"
            "Estire la rodilla solo hasta donde le resulte cómodo.\n"
            "Mantenga la posición y respire despacio.\n"
            "Baje la pierna despacio y luego cambie de lado."
        ),
        "mistakes": (
            "Tirar de la propia rodilla: sujete la toalla o la parte de atrás del muslo.\n"
            "Tirar con fuerza: afloje hasta notar una tensión leve, nunca dolor."
        ),
        "easier_tip": (
            "Deje un poco doblada la rodilla de la pierna que estira, y mantenga la otra "
            "rodilla doblada con ese pie en el suelo."
        ),
        "harder_tip": (
            "No hay en la biblioteca una versión más difícil, y no la necesita. Puede estirar "
            "la otra pierna en el suelo, o mantener cada estiramiento un poco más, hasta 60 "
            "segundos."
        ),
        "cautions": (
            "Debe notar solo una tensión leve, nunca dolor.\n"
            "Pare si nota hormigueo o un dolor que baja por la pierna.\n"
            "Pare si los síntomas empeoran o aparece un dolor nuevo."
        ),
        "illustration_alt": (
            "Una persona tumbada boca arriba usa una toalla alrededor de un pie para subir esa "
            "pierna hacia el techo, estirando la rodilla con suavidad."
        ),
    },
    "butterfly-stretch": {
        "checked_against": "cc24595c285475c7",
        "name": "Estiramiento de mariposa",
        "summary": (
            "Estira con suavidad la parte interior de los muslos mientras las rodillas se abren "
            "hacia los lados."
        ),
        "target": (
            "La parte interior de los muslos y el giro de la cadera hacia fuera (aductores, "
            "rotación externa de la cadera)"
        ),
        "start_position": (
            "Siéntese en el suelo con la espalda recta, las plantas de los pies juntas y las "
            "rodillas cayendo hacia los lados."
        ),
        "cues": (
            "Mantenga la espalda recta.\n"
            "Si la espalda se lo permite sin molestias, inclínese un poco hacia delante desde la cadera; "
            "también puede quedarse con la espalda recta.\n"
            "Empuje los muslos suavemente hacia abajo con las manos o los codos.\n"
            "Pare al notar una tensión leve en la parte interior de los muslos.\n"
            "Mantenga la posición y respire despacio."
        ),
        "mistakes": (
            "Forzarse para llegar hacia delante: inclinarse es opcional, así que quédese con la "
            "espalda recta si le sienta mejor.\n"
            "Empujar las rodillas hacia abajo con fuerza: empuje solo con suavidad, hasta una "
            "tensión leve."
        ),
        "easier_tip": (
            "Siéntese sobre un cojín y aleje un poco más los pies del cuerpo, lo que cuida más "
            "las rodillas. O hágalo boca arriba, con las plantas de los pies juntas."
        ),
        "harder_tip": (
            "No hay en la biblioteca una versión más difícil, y no la necesita. Si acerca los "
            "pies al cuerpo, el estiramiento es un poco mayor."
        ),
        "cautions": (
            "Afloje si nota molestias en las rodillas.\n"
            "A algunas espaldas no les sienta bien inclinarse hacia delante: si es su caso, "
            "mantenga la espalda recta.\n"
            "Pare si nota un pinchazo en la ingle."
        ),
        "illustration_alt": (
            "Una persona sentada con la espalda recta y las plantas de los pies juntas deja "
            "caer las rodillas suavemente hacia fuera."
        ),
    },
    "figure-four-stretch": {
        "checked_against": "6f97ad6767426f7a",
        "name": "Estiramiento en figura de 4",
        "summary": (
            "Estira con suavidad los músculos profundos del glúteo del lado de la pierna cruzada."
        ),
        "target": (
            "Los músculos profundos del glúteo y de la parte de atrás de la cadera (rotadores "
            "externos de la cadera, como el piriforme; glúteos)"
        ),
        "start_position": (
            "Túmbese boca arriba con las dos rodillas dobladas y los pies apoyados en el suelo. "
            "Apoye un tobillo justo por encima de la otra rodilla, de modo que las piernas "
            "formen un número 4."
        ),
        "cues": (
            "Ponga las manos por detrás del muslo de la pierna que no está cruzada.\n"
            "Acerque suavemente ese muslo hacia el pecho.\n"
            "Note el estiramiento en el glúteo de la pierna cruzada.\n"
            "Mantenga la posición, respire despacio y luego cambie de lado."
        ),
        "mistakes": (
            "Forzar más allá de lo cómodo: afloje hasta notar solo una tensión leve.\n"
            "Seguir cuando nota un pinchazo: pare y baje la pierna."
        ),
        "easier_tip": (
            "Deje el pie de abajo en el suelo en lugar de levantarlo. Si no llega al muslo, "
            "rodéelo con una toalla o una cinta."
        ),
        "harder_tip": (
            "No hay en la biblioteca una versión más difícil, y no la necesita. Puede mantener "
            "el estiramiento un poco más, siempre que siga siendo cómodo."
        ),
        "cautions": (
            "Pare si nota dolor o un pinchazo.\n"
            "Si le duele la rodilla de la pierna cruzada, apoye ese tobillo más abajo en el "
            "muslo, o deje este ejercicio y dígaselo a su profesional sanitario.\n"
            "Si le han puesto una prótesis de cadera, consulte antes con su cirujano o su "
            "fisioterapeuta: cruzar las piernas y doblar la cadera más allá de un ángulo recto "
            "están restringidos las primeras semanas."
        ),
        "illustration_alt": (
            "Una persona tumbada boca arriba, con un tobillo cruzado sobre la otra rodilla y las "
            "manos por detrás del muslo que no está cruzado, lo acerca suavemente hacia el "
            "pecho."
        ),
    },
    "lying-windscreen-wipers": {
        "checked_against": "3f11e615628b999f",
        "name": "Balanceo de rodillas boca arriba",
        "summary": (
            "Gira con suavidad las caderas y la parte baja de la espalda mientras las rodillas "
            "se balancean de un lado a otro, con el suelo como apoyo."
        ),
        "target": (
            "Los músculos que giran las caderas hacia dentro y hacia fuera, y la parte baja "
            "de la espalda (rotación de la cadera)"
        ),
        "start_position": (
            "Túmbese boca arriba con las rodillas dobladas y los pies apoyados en el suelo, "
            "más separados que el ancho de las caderas. Deje los brazos abiertos a los lados."
        ),
        "cues": (
            "Mantenga los hombros apoyados en el suelo.\n"
            "Deje caer despacio las dos rodillas hacia un lado, como un limpiaparabrisas.\n"
            "Llegue solo hasta donde le resulte cómodo.\n"
            "Vuelva al centro y luego deje caer las rodillas hacia el otro lado."
        ),
        "mistakes": (
            "Dejar caer las rodillas de golpe: muévase despacio, con control.\n"
            "Forzar el recorrido: basta con un movimiento pequeño y fácil."
        ),
        "easier_tip": "Haga el movimiento más pequeño y ponga los pies más juntos.",
        "harder_tip": "Cuando le resulte fácil, pruebe el cambio de cadera 90/90.",
        "cautions": (
            "Si le han puesto una prótesis de cadera, consulte antes con su cirujano o su "
            "fisioterapeuta: girar mucho la pierna hacia dentro o hacia fuera está restringido "
            "al principio.\n"
            "Pare si le produce dolor en la cadera o en la espalda."
        ),
        "illustration_alt": (
            "Vista desde arriba: una persona tumbada boca arriba, con las rodillas dobladas y los "
            "pies separados, deja caer suavemente las dos rodillas hacia un lado."
        ),
    },
    "ninety-ninety-switch": {
        "checked_against": "e532f3fb33dcc908",
        "name": "Cambio de cadera 90/90",
        "summary": (
            "Mueve las caderas despacio, girándolas hacia dentro y hacia fuera, primero hacia "
            "un lado y luego hacia el otro."
        ),
        "target": (
            "Los músculos que giran las caderas hacia dentro y hacia fuera (rotadores de la cadera)"
        ),
        "start_position": (
            "Siéntese en el suelo con una pierna doblada en ángulo recto delante de usted y la "
            "otra doblada en ángulo recto hacia el lado. Apoye las manos en el suelo por detrás "
            "y mantenga la espalda recta."
        ),
        "cues": (
            "Levante un poco las dos rodillas.\n"
            "Lleve las dos piernas a la vez hacia el otro lado.\n"
            "Apóyelas con suavidad en la posición contraria.\n"
            "Mantenga las manos en el suelo por detrás y el pecho alto.\n"
            "Haga una pausa de 2 a 3 segundos en cada lado."
        ),
        "mistakes": (
            "Hundirse o echarse muy atrás: mantenga la espalda recta y apóyese en las manos.\n"
            "Dejar caer las piernas: muévase despacio y apóyelas con suavidad.\n"
            "Forzar el recorrido: llegue solo hasta donde le resulte cómodo."
        ),
        "easier_tip": (
            "Haga en su lugar el balanceo de rodillas boca arriba: con los pies separados, deje "
            "caer despacio las dos rodillas de un lado a otro."
        ),
        "harder_tip": (
            "No hay en la biblioteca un ejercicio más difícil que este. Apóyese menos en las "
            "manos y, más adelante, pruebe a hacerlo sin apoyar las manos, con una pausa más "
            "larga en cada lado."
        ),
        "cautions": (
            "Si le han puesto una prótesis de cadera, haga este ejercicio solo con el visto "
            "bueno de su cirujano o su fisioterapeuta: girar mucho la pierna hacia dentro o "
            "hacia fuera está restringido al principio, y tras una operación por detrás no "
            "debe girarla hacia dentro.\n"
            "Pare si le produce dolor en la cadera o en la espalda."
        ),
        "illustration_alt": (
            "Vista desde arriba: una persona sentada, con las manos en el suelo por detrás, una "
            "pierna doblada en ángulo recto delante y otra hacia el lado, lleva las dos "
            "rodillas hacia el otro lado."
        ),
    },
    "bird-dog-arm-reach": {
        "checked_against": "24ffb4cd5974ce97",
        "name": "Brazo al frente a cuatro patas",
        "summary": (
            "Entrena el tronco para mantenerse estable mientras un brazo se estira hacia delante."
        ),
        "target": "Los músculos que rodean el tronco y los hombros (estabilizadores del tronco)",
        "start_position": (
            "Póngase a cuatro patas sobre una esterilla, con las manos debajo de los hombros y "
            "las rodillas debajo de las caderas. Mantenga la espalda recta, sin arquearla ni "
            "redondearla."
        ),
        "cues": (
            "Apriete suavemente los músculos del abdomen.\n"
            "Estire un brazo hacia delante hasta que quede a la altura del hombro.\n"
            "Mantenga quietas la espalda y la cadera.\n"
            "Mantenga la posición el tiempo indicado, sin dejar de respirar.\n"
            "Baje el brazo despacio; haga todos los estiramientos con este brazo y luego cambie."
        ),
        "mistakes": (
            "El cuerpo se inclina hacia un lado: estire menos el brazo y vuelva a apretar el "
            "abdomen.\n"
            "Encoger los hombros: mantenga el cuello largo y los hombros relajados."
        ),
        "easier_tip": (
            "Solo separe la mano del suelo un momento, sin estirar el brazo hacia delante."
        ),
        "harder_tip": (
            "Después, lleve una pierna hacia atrás en lugar del brazo. Cuando las dos cosas le "
            "resulten estables, pruebe el perro pájaro."
        ),
        "cautions": (
            "Si le duelen las muñecas, apóyese sobre los puños en lugar de las palmas.\n"
            "Apoye las rodillas sobre una esterilla o una toalla doblada para protegerlas."
        ),
        "illustration_alt": (
            "Una persona a cuatro patas, con la espalda recta, estira un brazo hacia delante a "
            "la altura del hombro."
        ),
    },
    "bird-dog": {
        "checked_against": "2601f32e5136b9a7",
        "name": "Perro pájaro",
        "summary": (
            "Fortalece la espalda, los glúteos y el tronco, y les da resistencia, mientras "
            "mantiene el cuerpo estable."
        ),
        "target": (
            "Los músculos a lo largo de la espalda, los glúteos y el tronco (extensores de la "
            "espalda, glúteos, estabilizadores del tronco)"
        ),
        "start_position": (
            "Póngase a cuatro patas, con las manos debajo de los hombros y las rodillas debajo "
            "de las caderas. Mantenga la espalda recta, sin arquearla ni redondearla."
        ),
        "cues": (
            "Apriete suavemente los músculos del abdomen.\n"
            "Estire un brazo hacia delante y la pierna contraria hacia atrás, hasta que los dos "
            "queden a la altura del cuerpo, no más arriba.\n"
            "Empuje el talón hacia atrás, como si lo apretara contra una pared.\n"
            "Mantenga la posición el tiempo indicado, sin dejar de respirar.\n"
            "Bájelos despacio; hágalos todos de este lado y luego cambie."
        ),
        "mistakes": (
            "La espalda se arquea o se hunde: suba menos la pierna y vuelva a apretar el "
            "abdomen.\n"
            "La pelvis se inclina o gira: mantenga las dos caderas a la misma altura, como si "
            "llevara una taza de té en la parte baja de la espalda.\n"
            "Subir demasiado la pierna: pare cuando quede a la altura del cuerpo."
        ),
        "easier_tip": (
            "Estire solo un brazo (el brazo al frente a cuatro patas) y después solo una "
            "pierna, con los otros tres apoyos en el suelo."
        ),
        "harder_tip": (
            "No hay en la biblioteca un ejercicio más difícil que este. Su profesional "
            "sanitario lo irá aumentando poco a poco, con más repeticiones y más tiempo en "
            "la posición."
        ),
        "cautions": (
            "Si le duelen las muñecas, apóyese sobre los puños en lugar de las palmas.\n"
            "Apoye las rodillas sobre una esterilla o una toalla doblada para protegerlas.\n"
            "Pare si los síntomas empeoran o aparece un dolor nuevo."
        ),
        "illustration_alt": (
            "Una persona a cuatro patas estira un brazo hacia delante y la pierna contraria "
            "hacia atrás hasta que los dos quedan a la altura del cuerpo."
        ),
    },
    "heel-taps": {
        "checked_against": "59fe631deccfab58",
        "name": "Toques de talón",
        "summary": (
            "Entrena los músculos profundos del abdomen para mantener la espalda quieta "
            "mientras se mueve una pierna."
        ),
        "target": (
            "Los músculos profundos del abdomen, que evitan que se arquee la parte baja de la "
            "espalda (abdominales profundos)"
        ),
        "start_position": (
            "Túmbese boca arriba con los brazos a los lados del cuerpo. Suba las piernas de una "
            "en una, hasta que las caderas y las rodillas queden dobladas en ángulo recto."
        ),
        "cues": (
            "Apoye suavemente la parte baja de la espalda hacia el suelo y mantenga la espalda "
            "quieta.\n"
            "Suelte el aire mientras baja despacio un talón hasta tocar el suelo, con la "
            "rodilla aún doblada.\n"
            "Vuelva a subir esa pierna.\n"
            "Haga todos los toques con esta pierna y cambie cuando se lo indique la aplicación."
        ),
        "mistakes": (
            "La parte baja de la espalda se despega del suelo: baje menos el talón.\n"
            "Ir deprisa: muévase despacio y siga respirando."
        ),
        "easier_tip": "Deje un pie apoyado en el suelo mientras se mueve la otra pierna.",
        "harder_tip": "Cuando le resulte fácil, pruebe el bicho muerto.",
        "cautions": (
            "Si le provoca su dolor habitual, haga el movimiento más pequeño, o deje este "
            "ejercicio y dígaselo a su profesional sanitario."
        ),
        "illustration_alt": (
            "Una persona tumbada boca arriba, con las caderas y las rodillas dobladas en ángulo "
            "recto, baja un talón hasta tocar el suelo."
        ),
    },
    "dead-bug": {
        "checked_against": "61b3764bbda2c5fc",
        "name": "Bicho muerto",
        "summary": (
            "Entrena los músculos profundos del abdomen para mantener estable la parte baja de "
            "la espalda mientras se mueven los brazos y las piernas."
        ),
        "target": (
            "Los músculos profundos del abdomen, que evitan que se arquee la parte baja de la "
            "espalda (abdominales profundos)"
        ),
        "start_position": (
            "Túmbese boca arriba con los brazos apuntando al techo. Suba las piernas hasta que "
            "las caderas y las rodillas queden dobladas en ángulo recto."
        ),
        "cues": (
            "Apoye suavemente la parte baja de la espalda hacia el suelo y mantenga la espalda "
            "quieta.\n"
            "Suelte el aire mientras baja despacio un brazo por detrás de la cabeza y la pierna "
            "contraria hacia el suelo.\n"
            "Pare antes de que la parte baja de la espalda empiece a despegarse.\n"
            "Vuelva a la posición inicial.\n"
            "Hágalos todos de este lado y cambie cuando se lo indique la aplicación."
        ),
        "mistakes": (
            "La parte baja de la espalda se despega del suelo: haga el movimiento más "
            "pequeño.\n"
            "Llegar demasiado lejos o ir demasiado deprisa: vaya despacio y solo hasta donde "
            "mantenga el control."
        ),
        "easier_tip": (
            "Haga los toques de talón: con las rodillas dobladas, baje un talón cada vez hasta "
            "tocar el suelo."
        ),
        "harder_tip": (
            "No hay en la biblioteca un ejercicio más difícil que este. Muévase más despacio y "
            "vaya subiendo hasta 3 series de 10 en cada lado."
        ),
        "cautions": (
            "Si le provoca su dolor habitual, haga el movimiento más pequeño, o deje este "
            "ejercicio y dígaselo a su profesional sanitario."
        ),
        "illustration_alt": (
            "Una persona tumbada boca arriba, con los brazos arriba y las rodillas dobladas, "
            "baja un brazo por detrás de la cabeza y la pierna contraria hacia el suelo."
        ),
    },
    "cat-camel": {
        "checked_against": "1154aaa65ba88a94",
        "name": "Gato-camello",
        "summary": (
            "Mueve la espalda con suavidad, redondeándola y hundiéndola, sin carga; se busca "
            "un movimiento fácil, no un estiramiento."
        ),
        "target": (
            "Toda la espalda, doblándose con suavidad hacia delante y hacia atrás (flexión y "
            "extensión de la columna)"
        ),
        "start_position": (
            "Póngase a cuatro patas, con las manos debajo de los hombros y las rodillas debajo "
            "de las caderas."
        ),
        "cues": (
            "Redondee la espalda hacia el techo, acercando la cabeza y el coxis.\n"
            "Después deje que la espalda se hunda suavemente hacia el suelo.\n"
            "Tarde unos 3 o 4 segundos en cada vuelta completa.\n"
            "Muévase con suavidad y no fuerce en ninguno de los dos extremos."
        ),
        "mistakes": (
            "Forzar las posiciones finales: quédese en la parte fácil y cómoda del "
            "movimiento.\n"
            "Ir deprisa: vaya más despacio, unos 3 o 4 segundos por vuelta.\n"
            "Encoger los hombros hacia las orejas: mantenga el cuello largo y los hombros "
            "relajados."
        ),
        "easier_tip": "Muévase solo dentro de un recorrido sin dolor, aunque sea pequeño.",
        "harder_tip": (
            "No hay una versión más difícil: no suele hacerse más difícil, y hacer más vueltas "
            "aporta poco. Cuando le resulte fácil, su profesional sanitario puede añadir el "
            "perro pájaro después; mantenga el gato-camello como calentamiento."
        ),
        "cautions": (
            "Si doblarse hacia delante suele empeorarle la espalda, redondee poco o consulte "
            "con su profesional sanitario.\n"
            "Si le duelen las muñecas, apóyese sobre los puños en lugar de las palmas."
        ),
        "illustration_alt": (
            "Una persona a cuatro patas redondea la espalda hacia el techo y luego deja que se "
            "hunda suavemente hacia el suelo."
        ),
    },
    "childs-pose": {
        "checked_against": "67757c630af0eb25",
        "name": "Postura del niño",
        "summary": (
            "Una postura de descanso que estira con suavidad la parte baja de la espalda, las "
            "caderas y los muslos."
        ),
        "target": (
            "La parte baja de la espalda, las caderas y los muslos (columna lumbar, flexión de "
            "la cadera)"
        ),
        "start_position": (
            "Arrodíllese sobre una esterilla, con las rodillas separadas al ancho de las "
            "caderas y los dedos gordos de los pies tocándose."
        ),
        "cues": (
            "Suelte el aire y lleve los glúteos hacia atrás, hacia los talones.\n"
            "Doble el cuerpo hacia delante sobre los muslos.\n"
            "Apoye la frente en el suelo o en un cojín.\n"
            "Deje los brazos descansando a lo largo del cuerpo.\n"
            "Respire despacio y deje que la espalda se relaje."
        ),
        "mistakes": (
            "Forzar los glúteos hasta los talones cuando le duelen las rodillas: quédese más "
            "arriba, con un cojín entre los glúteos y los talones.\n"
            "Estirar más allá de lo cómodo: afloje hasta notar solo una tensión leve."
        ),
        "easier_tip": (
            "Ponga una almohada entre los talones y los glúteos, una toalla enrollada bajo los "
            "tobillos o un cojín bajo la cabeza. Si le cuesta arrodillarse, pregunte a su "
            "profesional sanitario por una versión con apoyo en una silla, o túmbese boca "
            "arriba y abrace las rodillas contra el pecho."
        ),
        "harder_tip": (
            "No hay una versión más difícil: es una postura de descanso. Puede estirar los "
            "brazos hacia delante por el suelo y separar más las rodillas."
        ),
        "cautions": (
            "Si tiene problemas de rodilla o de tobillo, no se siente del todo sobre los "
            "talones; use un cojín o la versión boca arriba.\n"
            "Si le han puesto una prótesis de cadera, consulte antes con su cirujano o su "
            "fisioterapeuta: doblar mucho la cadera está restringido las primeras semanas.\n"
            "Si el dolor de espalda empeora al doblarse hacia delante, deje este ejercicio y "
            "dígaselo a su profesional sanitario.\n"
            "Pare si nota dolor en lugar de una tensión leve."
        ),
        "illustration_alt": (
            "Una persona de rodillas lleva los glúteos hacia los talones y dobla el cuerpo hacia "
            "delante, con la frente apoyada en un cojín."
        ),
    },
    "prone-press-up": {
        "checked_against": "0f2f5037f9e4e156",
        "name": "Extensión de espalda boca abajo",
        "summary": (
            "Dobla la espalda hacia atrás con suavidad, boca abajo. Va bien a quienes notan "
            "que el dolor de espalda se alivia al doblarse hacia atrás."
        ),
        "target": (
            "La parte baja de la espalda, doblándose con suavidad hacia atrás (extensión lumbar)"
        ),
        "start_position": (
            "Túmbese boca abajo sobre una esterilla, con las manos planas en el suelo debajo de "
            "los hombros y los codos doblados."
        ),
        "cues": (
            "Deje que la espalda y los glúteos se relajen.\n"
            "Estire los brazos despacio para levantar el pecho, solo hasta donde le resulte "
            "cómodo.\n"
            "Mantenga la cadera en el suelo.\n"
            "Suelte el aire y luego baje despacio."
        ),
        "mistakes": (
            "Levantar la cadera del suelo: manténgala abajo y deje que la espalda se curve con "
            "suavidad.\n"
            "Apretar los glúteos: déjelos relajados.\n"
            "Llegar hasta el dolor: suba solo hasta donde le resulte cómodo."
        ),
        "easier_tip": (
            "Apóyese en los codos en lugar de estirar los brazos, durante unas cuantas "
            "respiraciones lentas."
        ),
        "harder_tip": (
            "No hay en la biblioteca una versión más difícil, y no la necesita. Suba un poco "
            "más cada vez, solo mientras siga siendo cómodo."
        ),
        "cautions": (
            "Pare si los síntomas se extienden al glúteo o bajan por la pierna.\n"
            "Deje este ejercicio si doblarse hacia atrás le empeora el dolor de espalda, y "
            "dígaselo a su profesional sanitario."
        ),
        "illustration_alt": (
            "Una persona tumbada boca abajo, con las manos debajo de los hombros, estira los "
            "brazos para levantar el pecho, con la cadera en el suelo."
        ),
    },
    "walking-break": {
        "checked_against": "25bd3a6249a88fbc",
        "name": "Pausa para caminar",
        "summary": (
            "Un paseo corto y tranquilo. Mantenerse activo con suavidad es de lo mejor que "
            "puede hacer en un mal día de espalda."
        ),
        "target": "Todo el cuerpo, moviéndose con suavidad (actividad general)",
        "start_position": (
            "Póngase de pie, con el cuerpo erguido y un calzado cómodo, en casa o al aire "
            "libre, en un camino llano que conozca."
        ),
        "cues": (
            "Camine a un ritmo tranquilo, que le permita ir hablando.\n"
            "Deje que los brazos se balanceen con naturalidad.\n"
            "Camine de 5 a 10 minutos, o menos si hoy no puede más.\n"
            "Pare y descanse siempre que lo necesite."
        ),
        "mistakes": (
            "Ir deprisa: basta con un ritmo tranquilo.\n"
            "Seguir caminando aunque el dolor vaya a más: vaya más despacio, o pare y descanse."
        ),
        "easier_tip": "Camine menos tiempo, o dé dos paseos cortos en lugar de uno.",
        "harder_tip": (
            "No hay en la biblioteca una versión más difícil. Casi todos los días, camine un "
            "poco más, hasta 10 minutos o más, siempre que le resulte cómodo."
        ),
        "cautions": (
            "Camine por un suelo llano y donde pueda sentarse si lo necesita.\n"
            "Pare si los síntomas empeoran o aparece un dolor nuevo."
        ),
        "illustration_alt": (
            "Una persona de pie, con el cuerpo erguido, camina a un ritmo tranquilo balanceando "
            "los brazos."
        ),
    },
}
